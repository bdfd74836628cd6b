import { TransientStoreError } from '@c360/kernel';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SurveyMessageOut } from './notifier.port';
import { MESSAGE_ID_HEADER, SIGNATURE_HEADER, WebhookNotifier, signBody } from './webhook-notifier';

const SECRET = 'a-webhook-secret-of-at-least-32-chars!';
const message: SurveyMessageOut = {
  messageId: 'inv-1',
  invitationId: 'inv-1',
  customerId: '0190a5c4-0000-7000-8000-00000000c001',
  kind: 'nps',
  channel: 'email',
  language: 'en',
  subject: 'A question',
  body: 'Answer: https://example.test/respond?token=t',
  link: 'https://example.test/respond?token=t',
  expiresAt: '2026-03-16T08:00:00.000Z',
  createdAt: '2026-03-02T08:00:00.000Z',
};

/** A receiver on 127.0.0.1 answering with the given statuses in turn, recording what it got. */
async function receiver(statuses: number[]) {
  const received: { headers: Record<string, string | string[] | undefined>; body: string }[] = [];
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      received.push({ headers: request.headers, body });
      response.statusCode = statuses[Math.min(received.length - 1, statuses.length - 1)];
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/surveys`;
  return { url, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe('surveys: the webhook notifier', () => {
  const waits: number[] = [];
  const sleep = async (ms: number) => {
    waits.push(ms);
  };
  beforeEach(() => waits.splice(0));

  it('posts the message with an HMAC-SHA256 signature of the exact body and the message id', async () => {
    const hook = await receiver([204]);
    try {
      await new WebhookNotifier({ url: hook.url, secret: SECRET, retries: 3, backoffMs: 100, sleep }).deliver(message);
      expect(hook.received).toHaveLength(1);
      const [{ headers, body }] = hook.received;
      expect(JSON.parse(body)).toEqual(message);
      expect(headers[SIGNATURE_HEADER]).toBe(signBody(body, SECRET));
      expect(headers[SIGNATURE_HEADER]).not.toBe(signBody(body, `${SECRET}x`));
      expect(headers[MESSAGE_ID_HEADER]).toBe('inv-1');
      expect(waits).toEqual([]);
    } finally {
      await hook.close();
    }
  });

  it('retries 5xx and 429 with exponential backoff until it is accepted', async () => {
    const hook = await receiver([503, 429, 500, 200]);
    try {
      await new WebhookNotifier({ url: hook.url, secret: SECRET, retries: 4, backoffMs: 100, sleep }).deliver(message);
      expect(hook.received).toHaveLength(4);
      expect(waits).toEqual([100, 200, 400]);
    } finally {
      await hook.close();
    }
  });

  it('gives up after its retries with a transient error (the processor retries later, skipping nothing)', async () => {
    const hook = await receiver([500]);
    try {
      const delivery = new WebhookNotifier({ url: hook.url, secret: SECRET, retries: 2, backoffMs: 50, sleep }).deliver(message);
      await expect(delivery).rejects.toBeInstanceOf(TransientStoreError);
      expect(hook.received).toHaveLength(3);
      expect(waits).toEqual([50, 100]);
    } finally {
      await hook.close();
    }
  });

  it('does not retry a receiver that refuses the message (4xx)', async () => {
    const hook = await receiver([400]);
    try {
      await expect(
        new WebhookNotifier({ url: hook.url, secret: SECRET, retries: 3, backoffMs: 50, sleep }).deliver(message),
      ).rejects.toThrow(/refused message inv-1: HTTP 400/);
      expect(hook.received).toHaveLength(1);
    } finally {
      await hook.close();
    }
  });

  it('retries when nothing listens, then gives up', async () => {
    const hook = await receiver([200]);
    await hook.close();
    await expect(
      new WebhookNotifier({ url: hook.url, secret: SECRET, retries: 1, backoffMs: 10, sleep }).deliver(message),
    ).rejects.toBeInstanceOf(TransientStoreError);
    expect(waits).toEqual([10]);
  });
});
