import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Field name → [before, after]. */
export type FieldChanges = Record<string, [unknown, unknown]>;

/** One change made by a person. Append-only: the product has no way to edit or delete entries. */
@Entity('audit_entries')
@Index('IDX_audit_object', ['objectType', 'objectId'])
export class AuditEntry {
  @PrimaryGeneratedColumn()
  id!: number;

  @Index('IDX_audit_occurred_at')
  @Column({ name: 'occurred_at', type: 'datetime' })
  occurredAt!: Date;

  @Index('IDX_audit_actor')
  @Column({ name: 'actor_user_id', type: 'int', nullable: true })
  actorUserId!: number | null;

  @Column({ name: 'actor_username', type: 'varchar', length: 64, nullable: true })
  actorUsername!: string | null;

  @Column({ name: 'actor_unit_id', type: 'int', nullable: true })
  actorUnitId!: number | null;

  @Index('IDX_audit_action')
  @Column({ type: 'varchar', length: 50 })
  action!: string;

  @Column({ name: 'object_type', type: 'varchar', length: 30, nullable: true })
  objectType!: string | null;

  @Column({ name: 'object_id', type: 'varchar', length: 40, nullable: true })
  objectId!: string | null;

  @Column({ type: 'simple-json', nullable: true })
  changes!: FieldChanges | null;

  @Column({ name: 'correlation_id', type: 'varchar', length: 64, nullable: true })
  correlationId!: string | null;

  @Column({ type: 'varchar', length: 45, nullable: true })
  ip!: string | null;
}
