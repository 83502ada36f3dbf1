import { createHmac } from 'node:crypto';
import { mailText, retryDelayMs, robotPayload, robotRefusal, signedRobotUrl } from './outgoing-message';

const message = { title: '督办提醒（2 项）', items: [{ text: 'DB-2026-0001 [电诈]预警劝阻 还剩 1 个工作日', link: 'http://x/tasks/1' }, { text: '无链接事项', link: null }] };

describe('robot payloads', () => {
  it('gives DingTalk a markdown message with escaped link text', () => {
    const payload = robotPayload('dingtalk', message) as { msgtype: string; markdown: { title: string; text: string } };
    expect(payload.msgtype).toBe('markdown');
    expect(payload.markdown.title).toBe('督办提醒（2 项）');
    expect(payload.markdown.text).toContain('- [DB-2026-0001 \\[电诈\\]预警劝阻 还剩 1 个工作日](http://x/tasks/1)');
    expect(payload.markdown.text).toContain('- 无链接事项');
  });

  it('gives WeCom its markdown content and plain JSON the items as they are', () => {
    expect(robotPayload('wecom', message)).toEqual({ msgtype: 'markdown', markdown: { content: expect.stringContaining('### 督办提醒（2 项）') } });
    expect(robotPayload('json', message)).toEqual({ title: message.title, items: message.items });
  });

  it('signs DingTalk calls as its 加签 setting requires', () => {
    const url = new URL(signedRobotUrl('https://oapi.dingtalk.com/robot/send?access_token=abc', 'SECret', 1700000000000));
    expect(url.searchParams.get('access_token')).toBe('abc');
    expect(url.searchParams.get('timestamp')).toBe('1700000000000');
    expect(url.searchParams.get('sign')).toBe(createHmac('sha256', 'SECret').update('1700000000000\nSECret').digest('base64'));
  });

  it('reads a refusal from the robot answer', () => {
    expect(robotRefusal('dingtalk', { errcode: 0, errmsg: 'ok' })).toBeNull();
    expect(robotRefusal('wecom', { errcode: 93000, errmsg: 'invalid webhook url' })).toContain('93000');
    expect(robotRefusal('json', { errcode: 1 })).toBeNull();
  });
});

describe('mail text and retry delays', () => {
  it('lists every item with its link', () => {
    expect(mailText(message)).toMatch(/督办提醒（2 项）\n\n· DB-2026-0001 .*\n {2}http:\/\/x\/tasks\/1\n· 无链接事项/);
  });

  it('waits longer after each failure, then stays at the longest wait', () => {
    expect([1, 2, 3, 4, 5, 9].map(retryDelayMs)).toEqual([60_000, 300_000, 1_800_000, 7_200_000, 21_600_000, 21_600_000]);
  });
});
