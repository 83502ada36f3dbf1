import { createHmac } from 'node:crypto';
import type { WebhookFormat } from '../config/app-config';

/** A message leaving the product, before a channel gives it its shape. */
export interface OutgoingMessage {
  title: string;
  /** One line per item, each possibly with a link. */
  items: { text: string; link: string | null }[];
}

/** Plain text for e-mail. */
export function mailText(message: OutgoingMessage): string {
  return [message.title, '', ...message.items.map((item) => (item.link ? `· ${item.text}\n  ${item.link}` : `· ${item.text}`)), '', '——督查督办系统（本邮件由系统自动发送，请勿直接回复）'].join('\n');
}

/** Markdown links break on brackets and parentheses in the text. */
const markdownText = (text: string) => text.replace(/([[\]()\\*_`#>])/g, '\\$1');

/** The JSON body for the configured robot: plain JSON, DingTalk's or WeCom's markdown message. */
export function robotPayload(format: WebhookFormat, message: OutgoingMessage): unknown {
  if (format === 'json') return { title: message.title, items: message.items };
  const lines = message.items.map((item) => (item.link ? `- [${markdownText(item.text)}](${item.link})` : `- ${markdownText(item.text)}`));
  const text = [`### ${markdownText(message.title)}`, ...lines].join('\n');
  if (format === 'dingtalk') return { msgtype: 'markdown', markdown: { title: message.title, text } };
  return { msgtype: 'markdown', markdown: { content: text } };
}

/** DingTalk's 加签: the timestamp and its HMAC-SHA256 under the robot's secret, appended to the URL. */
export function signedRobotUrl(url: string, secret: string, timestamp: number): string {
  const sign = createHmac('sha256', secret).update(`${timestamp}\n${secret}`).digest('base64');
  const signed = new URL(url);
  signed.searchParams.set('timestamp', String(timestamp));
  signed.searchParams.set('sign', sign);
  return signed.toString();
}

/** DingTalk and WeCom answer 200 with `errcode` ≠ 0 when they refuse a message. */
export function robotRefusal(format: WebhookFormat, body: unknown): string | null {
  if (format === 'json' || typeof body !== 'object' || body === null) return null;
  const { errcode, errmsg } = body as { errcode?: unknown; errmsg?: unknown };
  return errcode === undefined || errcode === 0 ? null : `机器人拒收：${String(errcode)} ${String(errmsg ?? '')}`.trim();
}

const RETRY_MINUTES = [1, 5, 30, 120, 360];

/** How long to wait after the Nth failed attempt. */
export function retryDelayMs(attempts: number): number {
  return RETRY_MINUTES[Math.min(attempts, RETRY_MINUTES.length) - 1] * 60_000;
}
