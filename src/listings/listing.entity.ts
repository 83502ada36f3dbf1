import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import { jsonTransformer } from '../common/numeric.transformer';
import { Unit } from '../units/unit.entity';
import type { Card, DelistingConditions, ListingOrigin, ListingStatus } from './listing-rules';

/**
 * 挂牌整治: a unit listed with a yellow or red card until it meets the conditions and the office delists
 * it. Proposals (by a rule or the escalation ladder) wait here for the office's approval.
 */
@Entity('listings')
@Index('IDX_listings_unit_status', ['unitId', 'status'])
export class Listing {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'unit_id', type: 'int' })
  unitId!: number;

  @ManyToOne(() => Unit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'FK_listings_unit' })
  unit?: Unit;

  @Column({ type: 'varchar', length: 6 })
  card!: Card;

  @Index('IDX_listings_status')
  @Column({ type: 'varchar', length: 12 })
  status!: ListingStatus;

  @Column({ type: 'varchar', length: 12 })
  origin!: ListingOrigin;

  /** Makes a rule's or a rung's proposal once only, however often the rule is checked. */
  @Index('UQ_listings_proposal_key', { unique: true })
  @Column({ name: 'proposal_key', type: 'varchar', length: 60, nullable: true })
  proposalKey!: string | null;

  @Column({ type: 'text' })
  reason!: string;

  /** The conditions for delisting, as the office words them. */
  @Column({ name: 'conditions_text', type: 'text' })
  conditionsText!: string;

  /** The measurable ones, checked before delisting. */
  @Column({ type: 'text', transformer: jsonTransformer })
  conditions!: DelistingConditions;

  @Column({ name: 'proposed_at', type: 'datetime', nullable: true })
  proposedAt!: Date | null;

  /** The day the card was hung (the proposal approved, or the office's own decision). */
  @Column({ name: 'listed_on', type: 'varchar', length: 10, nullable: true })
  listedOn!: string | null;

  /** The day it came down: delisted, or superseded by a red card. */
  @Column({ name: 'ended_on', type: 'varchar', length: 10, nullable: true })
  endedOn!: string | null;

  @Column({ name: 'listing_notice_id', type: 'int', nullable: true })
  listingNoticeId!: number | null;

  @Column({ name: 'delisting_notice_id', type: 'int', nullable: true })
  delistingNoticeId!: number | null;

  @VersionColumn()
  version!: number;
}

/** Every decision on a listing: proposed, approved or dismissed, listed, lowered, superseded, delisted. */
@Entity('listing_events')
export class ListingEvent {
  @PrimaryGeneratedColumn()
  id!: number;

  @Index('IDX_listing_events_listing')
  @Column({ name: 'listing_id', type: 'int' })
  listingId!: number;

  @ManyToOne(() => Listing, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'listing_id', foreignKeyConstraintName: 'FK_listing_events_listing' })
  listing?: Listing;

  @Column({ type: 'varchar', length: 12 })
  action!: 'propose' | 'approve' | 'dismiss' | 'list' | 'lower' | 'supersede' | 'delist';

  @Column({ type: 'varchar', length: 6 })
  card!: Card;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ name: 'actor_user_id', type: 'int', nullable: true })
  actorUserId!: number | null;

  @Column({ name: 'occurred_at', type: 'datetime' })
  occurredAt!: Date;
}

/** A rule that proposes listings; the office sets its threshold and card, or turns it off. */
@Entity('listing_rules')
export class ListingRule {
  @Column({ type: 'varchar', length: 20, primary: true })
  key!: 'overdue_items' | 'repeat_interview';

  @Column({ type: 'boolean', default: true })
  enabled!: boolean;

  @Column({ type: 'int' })
  threshold!: number;

  @Column({ type: 'varchar', length: 6 })
  card!: Card;

  @VersionColumn()
  version!: number;
}
