import type { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { containsPattern, LIKE_ESCAPE } from '../common/sql';
import type { Directive } from './directive.entity';
import { documentTerms, foundInTitle, prefixEnd, textQuery } from './search-terms';

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
 * How many index entries a condition may have and still lead the search for certain. Below it, the
 * query starts from those few directives and sorts them (cost grows with the matches); above it, the
 * matches may be common enough that walking the list in its own order and checking each row finds a
 * page in a few dozen rows (cost grows with the rows passed: page size × rows ÷ matches). Measured at
 * 100,000 directives on MariaDB, with an index serving the list's order.
 */
const LEADING_LIMIT = 1000;
/** The oldest and the newest directives looked at to see whether a walk from either end finds matches soon. */
const END_SAMPLE = 100;
/**
 * Matches needed at each end for the walk: at three in a hundred, a page is found within about 700 rows,
 * which costs about what fetching and sorting the thousand-odd matches of the rarest condition would.
 */
const END_HITS = 3;

/** Writes the placeholder of one of a condition's values, named by its key. */
type Param = (key: string) => string;

/** A condition on the terms table under alias `t`, with its values by key. */
interface Condition {
  on: (t: string, param: Param) => string;
  values: Record<string, string>;
  /** The same condition as a LIKE on the title (its pattern under the key `title`), when it is the same. */
  inTitle: boolean;
}

/**
 * The condition checked on one directive (`directive` its alias, `t` free for the terms): on its
 * title when that is the same, else on its own terms. A scalar subquery is never made a join.
 */
function check(c: Condition, directive: string, t: string, param: Param): string {
  if (c.inTitle) return `${directive}.title LIKE ${param('title')} ${LIKE_ESCAPE}`;
  return `(SELECT 1 FROM directive_terms ${t} WHERE ${t}.directive_id = ${directive}.id AND ${c.on(t, param)} LIMIT 1) IS NOT NULL`;
}

/** A condition on terms equal to or beginning with `text`, checked on the title where that is the same. */
function condition(on: Condition['on'], values: Record<string, string>, text: string): Condition {
  return foundInTitle(text) ? { on, values: { ...values, title: containsPattern(text) }, inTitle: true } : { on, values, inTitle: false };
}

/**
 * Narrows a query over directives (under `alias`, joined or not) to those matching the search box's
 * text `q` (see search-terms.ts).
 *
 * The database cannot know how many directives a term has, nor where they stand in the list's order,
 * so this asks first: a capped count per condition, and when every condition is common, how many of
 * the oldest and of the newest directives match. When a condition is rare, or the matches are rare or
 * gathered at one end (two common words seldom together; a year's codes), the query starts from the
 * rarest condition's range of the term index, the others joined to it. Otherwise the list walks its
 * own order and checks each row, which finds a page within a few hundred rows: a Chinese condition on
 * the row's title (cheaper than any lookup), a word on the row's own terms.
 */
export async function matchesText<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, alias: string, q: string): Promise<void> {
  const query = textQuery(q);
  const conditions: Condition[] = [
    ...query.terms.map((term) => condition((t, param) => `${t}.term = ${param('term')}`, { term }, term)),
    ...query.prefixes.map((prefix) => condition((t, param) => `${t}.term >= ${param('from')} AND ${t}.term < ${param('to')}`, { from: prefix, to: prefixEnd(prefix) }, prefix)),
  ];
  const counts = conditions.length > 0 ? await numbers(qb.connection, (bind) => conditions.map((c) => `(SELECT COUNT(*) FROM (SELECT 1 FROM directive_terms t WHERE ${c.on('t', bind(c))} LIMIT ${LEADING_LIMIT + 1}) e)`)) : [];
  if (counts.length === 0 || Math.min(...counts) === 0) {
    qb.andWhere('1 = 0');
    return;
  }
  const rarest = counts.indexOf(Math.min(...counts));
  // Checked rarest first, so that most rows of the sample fail at their first check.
  const byCount = conditions.map((c, i) => [c, counts[i]] as const).sort((a, b) => a[1] - b[1]);
  const leads = counts[rarest] <= LEADING_LIMIT || Math.min(...(await endHits(qb.connection, byCount.map(([c]) => c)))) < END_HITS;
  conditions.forEach((c, i) => {
    const t = `text_${i}`;
    const values = Object.fromEntries(Object.entries(c.values).map(([key, value]) => [`${t}_${key}`, value]));
    const named: Param = (key) => `:${t}_${key}`;
    if (!leads) qb.andWhere(check(c, alias, t, named), values);
    // Leading, the rarest is an IN and the others EXISTS: MySQL joins them all from the rarest (its
    // estimates of constant ranges are exact), SQLite fetches the rarest's rows and checks the others.
    else if (i === rarest) qb.andWhere(`${alias}.id IN (SELECT ${t}.directive_id FROM directive_terms ${t} WHERE ${c.on(t, named)})`, values);
    else qb.andWhere(`EXISTS (SELECT 1 FROM directive_terms ${t} WHERE ${t}.directive_id = ${alias}.id AND ${c.on(t, named)})`, values);
  });
  query.phrases.forEach((phrase, i) => qb.andWhere(`${alias}.title LIKE :text_phrase_${i} ${LIKE_ESCAPE}`, { [`text_phrase_${i}`]: containsPattern(phrase) }));
}

/** How many of the oldest and of the newest directives meet every condition. */
function endHits(sql: Sql, conditions: Condition[]): Promise<number[]> {
  return numbers(sql, (bind) =>
    ['ASC', 'DESC'].map((order) => {
      const checks = conditions.map((c, i) => check(c, 's', `t${i}`, bind(c)));
      return `(SELECT COUNT(*) FROM (SELECT id, title FROM directives ORDER BY id ${order} LIMIT ${END_SAMPLE}) s WHERE ${checks.join(' AND ')})`;
    }),
  );
}

/** The numbers `SELECT <columns>` gives; the columns are written with `?` for the values `bind` collects, in order. */
async function numbers(sql: Sql, columns: (bind: (c: Condition) => Param) => string[]): Promise<number[]> {
  const params: string[] = [];
  const bind =
    (c: Condition): Param =>
    (name) => {
      params.push(c.values[name]);
      return '?';
    };
  const written = columns(bind);
  const [row] = (await sql.query(`SELECT ${written.map((column, i) => `${column} AS n${i}`).join(', ')}`, params)) as Array<Record<string, unknown>>;
  return written.map((_, i) => Number(row[`n${i}`]));
}
