import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { User } from '../users/user.entity';

/** `task`: the office's step on a unit's task, to the unit; `review`: a unit's report or request, to the office. */
export const NOTIFICATION_KINDS = ['reminder', 'escalation', 'approval', 'task', 'review'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
export const NOTIFICATION_KIND_LABELS: Record<NotificationKind, string> = { reminder: '提醒', escalation: '督办', approval: '待审批', task: '任务', review: '待审核' };

/** One message in one person's inbox. The source key makes a repeated cause leave one message. */
@Entity('notifications')
@Index('UQ_notifications_source', ['userId', 'sourceKey'], { unique: true })
// The inbox, newest first: all of a person's messages, or the unread ones.
@Index('IDX_notifications_inbox', ['userId', 'readAt', 'id'])
@Index('IDX_notifications_user', ['userId', 'id'])
export class Notification {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'user_id', type: 'int' })
  userId!: number;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_notifications_user' })
  user?: User;

  @Column({ type: 'varchar', length: 12 })
  kind!: NotificationKind;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'text' })
  body!: string;

  /** The page it is about, relative to the service's address. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  link!: string | null;

  /** What caused it, e.g. `action:12` or `escalation:3`. */
  @Column({ name: 'source_key', type: 'varchar', length: 60 })
  sourceKey!: string;

  @Column({ name: 'read_at', type: 'datetime', nullable: true })
  readAt!: Date | null;

  /** By the injected clock: digests group by the day a message was made. */
  @Column({ name: 'created_at', type: 'datetime' })
  createdAt!: Date;
}

export const CHANNELS = ['email', 'webhook'] as const;
export type Channel = (typeof CHANNELS)[number];
export const CHANNEL_LABELS: Record<Channel, string> = { email: '电子邮件', webhook: '群机器人' };

export const DELIVERY_STATUSES = ['pending', 'sending', 'sent', 'dead'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];
export const DELIVERY_STATUS_LABELS: Record<DeliveryStatus, string> = { pending: '待发送', sending: '发送中', sent: '已发送', dead: '发送失败' };

/**
 * One message to send outside the product: to a person by e-mail or to the group robot. Its topic is a
 * day's digest of reminders or one formal event, and (channel, recipient, topic) is sent at most once.
 */
@Entity('deliveries')
@Index('UQ_deliveries_key', ['channel', 'recipient', 'topic'], { unique: true })
@Index('IDX_deliveries_due', ['status', 'runAt'])
@Index('IDX_deliveries_status', ['status', 'id'])
export class Delivery {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 10 })
  channel!: Channel;

  /** `user:<id>` for e-mail, `robot` for the webhook. */
  @Column({ type: 'varchar', length: 40 })
  recipient!: string;

  /** `digest:<day>` or `event:<source key>`. */
  @Column({ type: 'varchar', length: 80 })
  topic!: string;

  @Column({ type: 'varchar', length: 10 })
  status!: DeliveryStatus;

  @Column({ type: 'int', default: 0 })
  attempts!: number;

  /** When it is next tried; while sending, when the attempt is presumed lost. */
  @Column({ name: 'run_at', type: 'datetime' })
  runAt!: Date;

  @Column({ name: 'last_error', type: 'varchar', length: 500, nullable: true })
  lastError!: string | null;

  @Column({ name: 'sent_at', type: 'datetime', nullable: true })
  sentAt!: Date | null;

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at' })
  updatedAt!: Date;
}
