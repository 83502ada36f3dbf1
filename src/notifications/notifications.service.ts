import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { Clock } from '../common/clock';
import { Page } from '../common/dto/page.dto';
import { NotFoundError } from '../common/errors/domain-error';
import { chinaDate } from '../calendar/working-calendar';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { readPage } from '../database/list-page';
import type { WakeUp } from '../jobs/jobs.constants';
import { User } from '../users/user.entity';
import { InboxQueryDto, NotificationView } from './dto/notification.dto';
import { MailChannel, WebhookChannel } from './channels';
import { Delivery, Notification, NotificationKind } from './notification.entity';

/** Reminders wait this long before their day's digest goes out, so the day's others can join it. */
export const DIGEST_GATHER_MS = 10 * 60_000;

/** The title column's width: a title made from a long record title (a notice's, up to 200) is cut to it. */
const TITLE_LENGTH = 200;
/** Rows per INSERT: well within MariaDB's packet and SQLite's bound-parameter limits. */
const INSERT_CHUNK = 500;

const deliveryKey = (d: Partial<Delivery>): string => `${d.channel}|${d.recipient}|${d.topic}`;

const withinTitle = (title: string) => (title.length > TITLE_LENGTH ? `${title.slice(0, TITLE_LENGTH - 1)}…` : title);

export interface NotificationDraft {
  kind: NotificationKind;
  title: string;
  body: string;
  link: string | null;
  /** What caused it; the same cause never leaves a person two messages. */
  sourceKey: string;
}

/**
 * How each kind leaves the product besides the inbox: e-mail to everyone told who has an address, and
 * the group robot, which speaks to the units' group.
 * - Reminders fall due together at the office hour and are many: one digest per person and day.
 * - Everything else goes out on its own, as it happens. A task's step is someone's answer awaited at
 *   any hour — a returned report or refused extension must be acted on before the deadline, a new task
 *   acknowledged — and a unit has a handful a week; the day's digest, once sent, would take no later
 *   step. The office likewise answers reports and requests as they come in.
 * - The robot hears what the units' group shares: reminders, rungs, the office's steps on their tasks;
 *   not the office's own work queue (approvals, reports and requests awaiting review).
 */
const CHANNELS_OF: Record<NotificationKind, { digest: boolean; robot: boolean }> = {
  reminder: { digest: true, robot: true },
  escalation: { digest: false, robot: true },
  approval: { digest: false, robot: false },
  task: { digest: false, robot: true },
  review: { digest: false, robot: false },
};

@Injectable()
export class NotificationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly mail: MailChannel,
    private readonly webhook: WebhookChannel,
  ) {}

  /**
   * Puts a message in each person's inbox and plans its e-mails and robot message, inside the caller's
   * transaction. Returns the deliveries to wake once it commits.
   */
  notify(manager: EntityManager, recipients: User[], draft: NotificationDraft): Promise<WakeUp[]> {
    return this.notifyAll(manager, [{ recipients, draft }]);
  }

  /** `notify` for several messages at once: one insert for all their inbox rows, one for their deliveries. */
  async notifyAll(manager: EntityManager, messages: readonly { recipients: User[]; draft: NotificationDraft }[]): Promise<WakeUp[]> {
    const now = this.clock.now();
    const rows: Partial<Notification>[] = [];
    // (channel, recipient, topic) is sent once: messages sharing a digest plan one delivery.
    const deliveries = new Map<string, Partial<Delivery>>();
    for (const { recipients, draft } of messages) {
      const people = [...new Map(recipients.filter((u) => u.active).map((u) => [u.id, u])).values()];
      rows.push(...people.map((user) => ({ userId: user.id, ...draft, title: withinTitle(draft.title), readAt: null, createdAt: now })));
      const { digest, robot } = CHANNELS_OF[draft.kind];
      const topic = digest ? `digest:${chinaDate(now)}` : `event:${draft.sourceKey}`;
      const runAt = new Date(now.getTime() + (digest ? DIGEST_GATHER_MS : 0));
      const planned: Partial<Delivery>[] = [];
      if (this.mail.enabled) for (const user of people) if (user.email) planned.push({ channel: 'email', recipient: `user:${user.id}`, topic, status: 'pending', attempts: 0, runAt });
      if (this.webhook.enabled && robot && people.length > 0) planned.push({ channel: 'webhook', recipient: 'robot', topic, status: 'pending', attempts: 0, runAt });
      for (const delivery of planned) deliveries.set(deliveryKey(delivery), delivery);
    }
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) await manager.createQueryBuilder().insert().into(Notification).values(rows.slice(i, i + INSERT_CHUNK)).orIgnore().execute();
    if (deliveries.size === 0) return [];
    const values = [...deliveries.values()];
    for (let i = 0; i < values.length; i += INSERT_CHUNK) await manager.createQueryBuilder().insert().into(Delivery).values(values.slice(i, i + INSERT_CHUNK)).orIgnore().execute();
    // Those just planned, and those of the same digest planned earlier and not sent yet (waking them again is harmless).
    const topics = [...new Set(values.map((d) => d.topic!))];
    const recipients = [...new Set(values.map((d) => d.recipient!))];
    const pending = await manager.find(Delivery, { where: { topic: In(topics), status: 'pending', recipient: In(recipients) }, select: { id: true, channel: true, recipient: true, topic: true, runAt: true } });
    return pending.filter((d) => deliveries.has(deliveryKey(d))).map((d) => ({ id: d.id, runAt: d.runAt }));
  }

  /** Newest first: (user_id, id) serves all of a person's messages, (user_id, read_at, id) the unread ones. */
  async inbox(userId: number, query: InboxQueryDto): Promise<Page<NotificationView>> {
    const qb = this.dataSource.getRepository(Notification).createQueryBuilder('n').where('n.user_id = :userId', { userId });
    if (query.unread) qb.andWhere('n.read_at IS NULL');
    const page = await readPage(qb, query, [{ column: 'n.id', direction: 'DESC', of: (n) => n.id }]);
    return { ...page, items: page.items.map(view) };
  }

  unreadCount(userId: number): Promise<number> {
    return this.dataSource.getRepository(Notification).countBy({ userId, readAt: IsNull() });
  }

  async markRead(userId: number, id: number): Promise<NotificationView> {
    const repository = this.dataSource.getRepository(Notification);
    // Someone else's message is answered as missing, like any object out of reach.
    const notification = await repository.findOneBy({ id, userId });
    if (!notification) throw new NotFoundError('消息');
    if (!notification.readAt) {
      notification.readAt = this.clock.now();
      await repository.update({ id, userId, readAt: IsNull() }, { readAt: notification.readAt });
    }
    return view(notification);
  }

  async markAllRead(userId: number): Promise<number> {
    const result = await this.dataSource.getRepository(Notification).update({ userId, readAt: IsNull() }, { readAt: this.clock.now() });
    return result.affected ?? 0;
  }

  /** The absolute link for a message leaving the product. */
  absolute(link: string | null): string | null {
    return link ? `${this.config.delivery.publicUrl}${link}` : null;
  }
}

function view(n: Notification): NotificationView {
  return { id: n.id, kind: n.kind, title: n.title, body: n.body, link: n.link, read: n.readAt !== null, createdAt: n.createdAt };
}
