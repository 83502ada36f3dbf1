import type { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { containsPattern, LIKE_ESCAPE } from '../common/sql';
import type { Directive } from './directive.entity';
import { documentTerms, prefixEnd, textQuery } from './search-terms';

/** Whatever runs SQL: an EntityManager in the writing transaction, or a migration's QueryRunner. */
interface Sql {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

type Indexed = Pick<Directive, 'id' | 'title' | 'code'>;

/** Rows per INSERT: two parameters each, well within both databases' limits. */
const ROWS_PER_INSERT = 5000;

/** Writes the terms of directives that have none yet (new ones, or all of them in a migration). */
export async function insertDirectiveTerms(sql: Sql, directives: Indexed[]): Promise<void> {
  const rows = directives.flatMap((d) => documentTerms(d.title, d.code).map((term) => [term, d.id]));
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    const chunk = rows.slice(i, i + ROWS_PER_INSERT);
    await sql.query(`INSERT INTO directive_terms (term, directive_id) VALUES ${chunk.map(() => '(?, ?)').join(', ')}`, chunk.flat());
  }
}

/**
 * Makes a directive's terms those of its title and code. Called in the transaction that creates the
 * directive or changes its title, so a search never sees one without the other.
 */
export async function indexDirectiveTerms(manager: EntityManager, directive: Indexed): Promise<void> {
  await manager.query('DELETE FROM directive_terms WHERE directive_id = ?', [directive.id]);
  await insertDirectiveTerms(manager, [directive]);
}

/**
 * How many index entries a condition may have and still lead the search. Below it, the query starts
 * from those few directives and sorts them (cost grows with the matches); above it, the matches are
 * common enough that walking the list in its own order and checking each row's terms finds a page in
 * a few dozen rows (cost grows with rows skipped, about page size × directives ÷ matches). At 100,000
 * directives the two cross near a thousand (measured on MariaDB).
 */
const LEADING_LIMIT = 1000;

/** A condition on the terms table under alias `t`; `param` writes a placeholder for one of its values. */
interface Condition {
  sql: (t: string, param: (name: string) => string) => string;
  values: Record<string, string>;
}

/**
 * Narrows a query over directives (under `alias`, joined or not) to those matching the search box's
 * text `q` (see search-terms.ts). Each condition is an index range on directive_terms. The database
 * cannot tell how many directives a term has, so this asks first, with a capped count per condition,
 * and writes the query for the answer: a rare condition leads (the directives are fetched by id), and
 * when every condition is common each row is checked by its own terms, in the list's order.
 */
export async function matchesText<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, alias: string, q: string): Promise<void> {
  const query = textQuery(q);
  const conditions: Condition[] = [
    ...query.terms.map((term, i) => ({ sql: (t: string, param: (name: string) => string) => `${t}.term = ${param(`text_term_${i}`)}`, values: { [`text_term_${i}`]: term } })),
    ...query.prefixes.map((prefix, i) => ({
      sql: (t: string, param: (name: string) => string) => `${t}.term >= ${param(`text_from_${i}`)} AND ${t}.term < ${param(`text_to_${i}`)}`,
      values: { [`text_from_${i}`]: prefix, [`text_to_${i}`]: prefixEnd(prefix) },
    })),
  ];
  const counts = conditions.length > 0 ? await entriesOf(qb.connection, conditions) : [];
  if (counts.length === 0 || Math.min(...counts) === 0) {
    qb.andWhere('1 = 0');
    return;
  }
  const rarest = counts.indexOf(Math.min(...counts));
  conditions.forEach((condition, i) => {
    const t = `text_${i}`;
    const on = condition.sql(t, (name) => `:${name}`);
    qb.andWhere(
      i === rarest && counts[i] <= LEADING_LIMIT
        ? `${alias}.id IN (SELECT ${t}.directive_id FROM directive_terms ${t} WHERE ${on})`
        : // A scalar subquery is never turned into a join: it stays a check of this row's own terms.
          `(SELECT 1 FROM directive_terms ${t} WHERE ${t}.directive_id = ${alias}.id AND ${on} LIMIT 1) IS NOT NULL`,
      condition.values,
    );
  });
  query.phrases.forEach((phrase, i) => qb.andWhere(`${alias}.title LIKE :text_phrase_${i} ${LIKE_ESCAPE}`, { [`text_phrase_${i}`]: containsPattern(phrase) }));
}

/** Index entries of each condition, counted up to one past LEADING_LIMIT: one short range read each. */
async function entriesOf(sql: Sql, conditions: Condition[]): Promise<number[]> {
  const params: string[] = [];
  const counted = conditions.map((c, i) => {
    const on = c.sql('t', (name) => {
      params.push(c.values[name]);
      return '?';
    });
    return `(SELECT COUNT(*) FROM (SELECT 1 FROM directive_terms t WHERE ${on} LIMIT ${LEADING_LIMIT + 1}) e) AS c${i}`;
  });
  const [row] = (await sql.query(`SELECT ${counted.join(', ')}`, params)) as Array<Record<string, unknown>>;
  return conditions.map((_, i) => Number(row[`c${i}`]));
}
