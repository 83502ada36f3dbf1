import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Directive } from './directive.entity';
import { TERM_MAX_LENGTH } from './search-terms';

/**
 * One term a directive is found by (search-terms.ts), written with the directive's title. The key
 * starts with the term, so a search reads one range of the index per term. On MySQL the column
 * compares by code point (utf8mb4_bin, set by the migration: TypeORM has no way to say so for one
 * database only), as SQLite does, so that 𠮷 is not 𡈼 and a prefix's range is the same on both.
 */
@Entity('directive_terms')
// A row's own terms, for checking one directive (and replacing its terms) without reading the others.
@Index('IDX_directive_terms_directive', ['directiveId', 'term'])
export class DirectiveTerm {
  @PrimaryColumn({ type: 'varchar', length: TERM_MAX_LENGTH })
  term!: string;

  @PrimaryColumn({ name: 'directive_id', type: 'int' })
  directiveId!: number;

  @ManyToOne(() => Directive, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'directive_id', foreignKeyConstraintName: 'FK_directive_terms_directive' })
  directive?: Directive;
}
