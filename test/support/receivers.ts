import { createServer, IncomingMessage, Server } from 'node:http';
import { SMTPServer } from 'smtp-server';
import { freePort } from './redis-server';

export interface ReceivedMail {
  to: string[];
  raw: string;
  /** The decoded text body. */
  text: string;
}

function textOf(raw: string): string {
  const [head, ...rest] = raw.split(/\r?\n\r?\n/);
  const body = rest.join('\n\n');
  return /^Content-Transfer-Encoding: base64/im.test(head) ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8') : body;
}

/** A local SMTP server that accepts everything and keeps what it got. */
export async function startSmtpReceiver(): Promise<{ url: string; mails: ReceivedMail[]; close: () => Promise<void> }> {
  const mails: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw, text: textOf(raw) });
        callback();
      });
    },
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { url: `smtp://127.0.0.1:${port}`, mails, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

export interface ReceivedCall {
  url: string;
  body: unknown;
}

/** A local HTTP endpoint standing in for the group robot; it can be told to fail. */
export async function startWebhookReceiver(): Promise<{ url: string; calls: ReceivedCall[]; setFailing: (failing: boolean) => void; close: () => Promise<void> }> {
  const calls: ReceivedCall[] = [];
  let failing = false;
  const server: Server = createServer((request: IncomingMessage, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (failing) {
        response.writeHead(500).end('robot unavailable');
        return;
      }
      calls.push({ url: request.url ?? '', body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ errcode: 0, errmsg: 'ok' }));
    });
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${port}/robot/send?access_token=t0ken`,
    calls,
    setFailing: (value) => (failing = value),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
