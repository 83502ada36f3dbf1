import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Between, DataSource, In, LessThanOrEqual } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { parseIsoDate } from '../calendar/working-calendar';
import { Clock } from '../common/clock';
import { Page } from '../common/dto/page.dto';
import { DomainError, NotFoundError } from '../common/errors/domain-error';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { readPage } from '../database/list-page';
import { WakeUp, WorkSource } from '../jobs/jobs.constants';
import { JobsService } from '../jobs/jobs.service';
import { UnitOfWork } from '../jobs/unit-of-work';
import { wakeUpsOf } from '../jobs/wake-ups';
import { User } from '../users/user.entity';
import { MailChannel, WebhookChannel } from './channels';
import { DeliveryPage, DeliveryQueryDto, DeliveryView } from './dto/notification.dto';
import { Delivery, Notification } from './notification.entity';
import { NotificationsService } from './notifications.service';
import { OutgoingMessage, retryDelayMs } from './outgoing-message';

/** A send that has not answered by then is presumed lost, and tried again. */
const SENDING_LEASE_MS = 5 * 60_000;
const OPEN = ['pending', 'sending'] as const;

/** Sends deliveries with retries and backoff; what keeps failing lands in the dead-letter list. */
@Injectable()
export class DeliveriesService implements WorkSource, OnModuleInit {
  private readonly logger = new Logger('Deliveries');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly jobs: JobsService,
    private readonly unit: UnitOfWork,
    private readonly notifications: NotificationsService,
    private readonly mail: MailChannel,
    private readonly webhook: WebhookChannel,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    this.jobs.register('delivery', this);
  }

  async pending(): Promise<WakeUp[]> {
    return wakeUpsOf(this.dataSource.getRepository(Delivery).createQueryBuilder('d').where('d.status IN (:...open)', { open: OPEN }));
  }

  async due(now: Date, limit: number): Promise<WakeUp[]> {
    return this.dataSource.getRepository(Delivery).find({ where: { status: In([...OPEN]), runAt: LessThanOrEqual(now) }, select: { id: true, runAt: true }, order: { runAt: 'ASC' }, take: limit });
  }

  async run(id: number): Promise<void> {
    const repository = this.dataSource.getRepository(Delivery);
    const now = this.clock.now();
    // Claiming the row is the lock: of two workers only one moves it to 'sending'.
    const claimed = await repository
      .createQueryBuilder()
      .update()
      .set({ status: 'sending', runAt: new Date(now.getTime() + SENDING_LEASE_MS), attempts: () => 'attempts + 1' })
      .where('id = :id AND status IN (:...open) AND run_at <= :now', { id, open: OPEN, now })
      .execute();
    if (claimed.affected !== 1) return;
    const delivery = await repository.findOneByOrFail({ id });
    try {
      await this.send(delivery);
      await repository.update({ id, status: 'sending' }, { status: 'sent', sentAt: this.clock.now(), lastError: null });
    } catch (error) {
      const message = (error instanceof Error ? error.message : String(error)).slice(0, 500);
      const dead = delivery.attempts >= this.config.delivery.maxAttempts;
      const runAt = new Date(this.clock.now().getTime() + retryDelayMs(delivery.attempts));
      await repository.update({ id, status: 'sending' }, { status: dead ? 'dead' : 'pending', lastError: message, runAt });
      this.logger.warn(`投递 #${id}（${delivery.channel} → ${delivery.recipient}）第 ${delivery.attempts} 次失败：${message}${dead ? '；已转入发送失败列表' : ''}`);
      // The retry time is recorded by the single update above, outside any unit of work: woken directly.
      if (!dead) await this.jobs.wake('delivery', [{ id, runAt }]);
    }
  }

  /** Newest first, one status at a time (served by (status, id)). */
  async list(query: DeliveryQueryDto): Promise<Page<DeliveryView>> {
    const qb = this.dataSource.getRepository(Delivery).createQueryBuilder('d').where('d.status = :status', { status: query.status });
    const page = await readPage(qb, query, [{ column: 'd.id', direction: 'DESC', of: (d) => d.id }]);
    return { ...page, items: page.items.map(view) } as DeliveryPage;
  }

  /** The office sends a dead delivery again, with a fresh set of attempts. */
  async retry(id: number): Promise<DeliveryView> {
    const runAt = this.clock.now();
    await this.unit.run(async ({ manager, wake }) => {
      const delivery = await manager.findOneBy(Delivery, { id });
      if (!delivery) throw new NotFoundError('投递');
      const result = await manager.update(Delivery, { id, status: 'dead' }, { status: 'pending', attempts: 0, runAt });
      if (result.affected !== 1) throw new DomainError('DELIVERY_NOT_FAILED', '只有发送失败的投递才能重发');
      await this.audit.record({ action: 'delivery.retry', objectType: 'delivery', objectId: id, changes: { status: ['dead', 'pending'] } }, manager);
      wake('delivery', [{ id, runAt }]);
    });
    return view(await this.dataSource.getRepository(Delivery).findOneByOrFail({ id }));
  }

  private async send(delivery: Delivery): Promise<void> {
    const message = await this.compose(delivery);
    if (!message) return; // nothing left to say (the messages were removed): done
    if (delivery.channel === 'webhook') return this.webhook.send(message);
    const user = await this.dataSource.getRepository(User).findOneBy({ id: Number(delivery.recipient.replace('user:', '')) });
    if (!user?.email || !user.active) throw new Error('收件人没有电子邮箱或账号已停用');
    return this.mail.send(user.email, message);
  }

  private async compose(delivery: Delivery): Promise<OutgoingMessage | null> {
    const repository = this.dataSource.getRepository(Notification);
    const userId = delivery.channel === 'email' ? Number(delivery.recipient.replace('user:', '')) : undefined;
    const [kind, key] = [delivery.topic.slice(0, delivery.topic.indexOf(':')), delivery.topic.slice(delivery.topic.indexOf(':') + 1)];
    let found: Notification[];
    if (kind === 'digest') {
      const start = new Date(parseIsoDate(key) - 8 * 3600_000);
      found = await repository.find({ where: { kind: 'reminder', createdAt: Between(start, new Date(start.getTime() + 86_400_000 - 1)), ...(userId ? { userId } : {}) }, order: { id: 'ASC' } });
    } else {
      found = await repository.find({ where: { sourceKey: key, ...(userId ? { userId } : {}) }, order: { id: 'ASC' }, take: 1 });
    }
    // The robot speaks to the whole group: one line per cause, not per person.
    const items = [...new Map(found.map((n) => [n.sourceKey, n])).values()];
    if (items.length === 0) return null;
    if (kind === 'digest') {
      return { title: `督办提醒（${key}，共 ${items.length} 项）`, items: items.map((n) => ({ text: n.title, link: this.notifications.absolute(n.link) })) };
    }
    return { title: items[0].title, items: [{ text: items[0].body, link: this.notifications.absolute(items[0].link) }] };
  }
}

function view(d: Delivery): DeliveryView {
  return { id: d.id, channel: d.channel, recipient: d.recipient, topic: d.topic, status: d.status, attempts: d.attempts, lastError: d.lastError, runAt: d.runAt, sentAt: d.sentAt };
}
