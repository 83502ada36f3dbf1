import { Column, ColumnOptions, DataSource } from 'typeorm';
import { isMysqlFamily } from './server-flavour';

/** The entity properties declared with `LargeTextColumn`, by entity class. */
const largeText = new Map<Function, Set<string>>();

/**
 * A text column that holds a whole document. SQLite's TEXT has no limit, but MySQL's holds 65,535 bytes,
 * about 21,000 Chinese characters, and a province's implementation plan runs longer; there the column is
 * MEDIUMTEXT. No column type is accepted by both TypeORM drivers, so the entity declares TEXT and
 * `widenLargeTextColumns` turns it to MEDIUMTEXT when the data source talks to MySQL or MariaDB (as the
 * migrations create it there; the schema test holds the two to each other).
 */
export function LargeTextColumn(options: Omit<ColumnOptions, 'type' | 'length'> = {}): PropertyDecorator {
  return (target, property) => {
    const entity = target.constructor;
    largeText.set(entity, (largeText.get(entity) ?? new Set()).add(String(property)));
    Column({ ...options, type: 'text' })(target, property);
  };
}

/** On MySQL or MariaDB, the large text columns of the data source's entities as MEDIUMTEXT; run once it is initialised. */
export function widenLargeTextColumns(dataSource: DataSource): void {
  if (!isMysqlFamily(dataSource.options.type)) return;
  for (const entity of dataSource.entityMetadatas) {
    for (const column of entity.columns) {
      if (typeof column.target === 'function' && largeText.get(column.target)?.has(column.propertyName)) column.type = 'mediumtext';
    }
  }
}
