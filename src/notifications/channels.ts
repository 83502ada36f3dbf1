import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { createTransport, Transporter } from 'nodemailer';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { Clock } from '../common/clock';
import { mailText, OutgoingMessage, robotPayload, robotRefusal, signedRobotUrl } from './outgoing-message';

const SEND_TIMEOUT_MS = 15_000;

/** E-mail over SMTP, when SMTP_URL is set. */
@Injectable()
export class MailChannel implements OnApplicationShutdown {
  private readonly transport: Transporter | null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {
    const url = config.delivery.smtpUrl;
    this.transport = url ? createTransport(url, { connectionTimeout: SEND_TIMEOUT_MS, greetingTimeout: SEND_TIMEOUT_MS, socketTimeout: SEND_TIMEOUT_MS }) : null;
  }

  get enabled(): boolean {
    return this.transport !== null;
  }

  async send(to: string, message: OutgoingMessage): Promise<void> {
    if (!this.transport) throw new Error('未配置 SMTP_URL');
    await this.transport.sendMail({ from: this.config.delivery.mailFrom, to, subject: message.title, text: mailText(message), date: this.clock.now() });
  }

  /** After the job runner has stopped, so that no delivery in hand loses its transport. */
  onApplicationShutdown(): void {
    this.transport?.close();
  }
}

/** The group robot (plain JSON, DingTalk or WeCom), when WEBHOOK_URL is set. */
@Injectable()
export class WebhookChannel {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  get enabled(): boolean {
    return this.config.delivery.webhookUrl !== null;
  }

  async send(message: OutgoingMessage): Promise<void> {
    const { webhookUrl, webhookFormat, webhookSecret } = this.config.delivery;
    if (!webhookUrl) throw new Error('未配置 WEBHOOK_URL');
    const url = webhookSecret ? signedRobotUrl(webhookUrl, webhookSecret, this.clock.now().getTime()) : webhookUrl;
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify(robotPayload(webhookFormat, message)),
      signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`机器人地址答复 HTTP ${response.status}`);
    let body: unknown = null;
    try {
      body = JSON.parse(text);
    } catch {
      // plain JSON receivers may answer with anything
    }
    const refusal = robotRefusal(webhookFormat, body);
    if (refusal) throw new Error(refusal);
  }
}
