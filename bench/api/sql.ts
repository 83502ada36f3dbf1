/**
 * The SQL the seed is written in: what differs between MariaDB and SQLite (sequences, dates, string
 * concatenation, integer division) behind one small interface, and the pseudo-random choices every
 * step makes from a row's number, so that the same volume seeds the same data on both.
 */

export type DatabaseKind = 'mysql' | 'sqlite';

export interface Dialect {
  kind: DatabaseKind;
  /** A derived table of the integers `from`..`to`, in column `n`. */
  numbers(from: number, to: number): string;
  concat(...parts: string[]): string;
  intDiv(dividend: string, divisor: string | number): string;
  /** A `YYYY-MM-DD` string `days` days after the `YYYY-MM-DD` string `date`. */
  addDays(date: string, days: string): string;
  /** A datetime `minutes` minutes after `datetime`. */
  addMinutes(datetime: string, minutes: string): string;
  /** Midnight (UTC) of a `YYYY-MM-DD` string. */
  startOfDay(date: string): string;
  /** The `YYYY-MM-DD` of a datetime. */
  dateOf(datetime: string): string;
  /** The year of a `YYYY-MM-DD` string, as an integer. */
  yearOf(date: string): string;
  least(a: string, b: string): string;
  /** A datetime literal (`YYYY-MM-DD HH:MM:SS`, UTC) that compares as one with the datetimes above. */
  timestamp(text: string): string;
  /** Statements that refresh the optimizer's statistics of these tables. */
  analyze(tables: readonly string[]): string[];
}

const MYSQL: Dialect = {
  kind: 'mysql',
  // MariaDB's SEQUENCE engine: seq_1_to_100000 is a table of those integers, generated as it is read.
  numbers: (from, to) => `(SELECT seq AS n FROM seq_${from}_to_${to})`,
  concat: (...parts) => `CONCAT(${parts.join(', ')})`,
  intDiv: (dividend, divisor) => `((${dividend}) DIV ${divisor})`,
  addDays: (date, days) => `DATE_FORMAT(DATE_ADD(${date}, INTERVAL (${days}) DAY), '%Y-%m-%d')`,
  addMinutes: (datetime, minutes) => `(${datetime} + INTERVAL (${minutes}) MINUTE)`,
  startOfDay: (date) => `CAST(${date} AS DATETIME)`,
  dateOf: (datetime) => `DATE_FORMAT(${datetime}, '%Y-%m-%d')`,
  yearOf: (date) => `CAST(SUBSTR(${date}, 1, 4) AS SIGNED)`,
  least: (a, b) => `LEAST(${a}, ${b})`,
  timestamp: (text) => `CAST('${text}' AS DATETIME)`,
  analyze: (tables) => [`ANALYZE TABLE ${tables.join(', ')}`],
};

const SQLITE: Dialect = {
  kind: 'sqlite',
  numbers: (from, to) => `(WITH RECURSIVE r(n) AS (SELECT ${from} UNION ALL SELECT n + 1 FROM r WHERE n < ${to}) SELECT n FROM r)`,
  concat: (...parts) => `(${parts.join(' || ')})`,
  intDiv: (dividend, divisor) => `((${dividend}) / ${divisor})`,
  addDays: (date, days) => `date(${date}, printf('%+d days', ${days}))`,
  addMinutes: (datetime, minutes) => `datetime(${datetime}, printf('%+d minutes', ${minutes}))`,
  startOfDay: (date) => `datetime(${date})`,
  dateOf: (datetime) => `date(${datetime})`,
  yearOf: (date) => `CAST(substr(${date}, 1, 4) AS INTEGER)`,
  least: (a, b) => `min(${a}, ${b})`,
  timestamp: (text) => `'${text}'`,
  analyze: () => ['ANALYZE'],
};

export function dialectOf(kind: DatabaseKind): Dialect {
  return kind === 'mysql' ? MYSQL : SQLITE;
}

/** A string literal. The seed's words never hold a backslash, which MariaDB would read as an escape. */
export function lit(text: string): string {
  if (text.includes('\\')) throw new Error(`A seed literal may not contain a backslash: ${text}`);
  return `'${text.replace(/'/g, "''")}'`;
}

/**
 * A pseudo-random integer in 0..range-1 drawn from a row's number; each `salt` gives an independent
 * draw, so that a row's priority, status and dates are not tied to one another.
 */
export function draw(rowNumber: string, salt: number, range: number): string {
  const multiplier = 4421 + 7919 * salt;
  return `((((${rowNumber}) * ${multiplier}) % 1000003) % ${range})`;
}

/** A pseudo-random per-mille (0–999): what `weighted` chooses with. */
export function roll(rowNumber: string, salt: number): string {
  return draw(rowNumber, salt, 1000);
}

/** One of `choices` by weight, in per mille (adding up to 1000), chosen with a `roll`. */
export function weighted(perMille: string, choices: readonly (readonly [sql: string, weight: number])[]): string {
  const total = choices.reduce((sum, [, weight]) => sum + weight, 0);
  if (total !== 1000) throw new Error(`Weights add up to ${total}, not 1000: ${choices.map(([sql]) => sql).join(', ')}`);
  let bound = 0;
  const cases = choices.slice(0, -1).map(([sql, weight]) => `WHEN ${perMille} < ${(bound += weight)} THEN ${sql}`);
  return `CASE ${cases.join(' ')} ELSE ${choices[choices.length - 1][0]} END`;
}

/** A word of the list, drawn from a row's number. */
export function pickWord(rowNumber: string, salt: number, words: readonly string[]): string {
  return `CASE ${draw(rowNumber, salt, words.length)} ${words.map((word, i) => `WHEN ${i} THEN ${lit(word)}`).join(' ')} END`;
}

/** `CASE expression WHEN key THEN value …` from a table of SQL values. */
export function caseOf(expression: string, values: Readonly<Record<string, string | number>>, otherwise = 'NULL'): string {
  return `CASE ${expression} ${Object.entries(values).map(([key, value]) => `WHEN ${lit(key)} THEN ${value}`).join(' ')} ELSE ${otherwise} END`;
}

/** `INSERT … SELECT`, written as column → expression so that a new column is one more line. */
export function insertSelect(table: string, columns: Record<string, string>, from: string): string {
  const names = Object.keys(columns);
  return `INSERT INTO ${table} (${names.join(', ')})\nSELECT ${names.map((name) => columns[name]).join(',\n       ')}\n${from}`;
}

/** An integer zero-padded to at least four digits (DB-2026-0007, DB-2026-12345). */
export function pad4(d: Dialect, value: string): string {
  return d.concat(`CASE WHEN ${value} < 10 THEN '000' WHEN ${value} < 100 THEN '00' WHEN ${value} < 1000 THEN '0' ELSE '' END`, value);
}
