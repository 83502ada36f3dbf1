import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A page form that has been submitted, by the one-time id each rendered form carries: pressing back
 * and submitting again (or a double click) finds it, and goes where the first submission went.
 */
@Entity('form_submissions')
@Index('IDX_form_submissions_submitted', ['submittedAt'])
export class FormSubmission {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  /** A random value of the request that recorded it: a twin racing it reads back someone else's. */
  @Column({ type: 'varchar', length: 36 })
  claim!: string;

  /** Where the first submission's browser was sent; null while it is still being handled. */
  @Column({ type: 'varchar', length: 300, nullable: true })
  location!: string | null;

  @Column({ name: 'submitted_at', type: 'datetime' })
  submittedAt!: Date;
}
