import type { DocumentStore, DocumentWrite } from '@c360/kernel';
import { FakeClock } from '@c360/kernel/testing';
import type { ExecutionContext } from '@nestjs/common';
import type { HttpAdapterHost } from '@nestjs/core';
import { randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { setRequestActor } from '../auth/request-actor';
import { IdempotencyGuard } from './idempotency.guard';

/** The two calls IdempotencyKeys makes, over a Map. */
function keyDocuments(): DocumentStore {
  const docs = new Map<string, Record<string, unknown>>();
  return {
    get: async (collection: string, id: string) => docs.get(`${collection}/${id}`) ?? null,
    write: async (writes: readonly DocumentWrite[]) => {
      for (const write of writes) if (write.kind === 'replace') docs.set(`${write.collection}/${write.id}`, { ...write.doc });
    },
  } as unknown as DocumentStore;
}

type Hook = (request: unknown, reply: unknown, payload?: unknown) => Promise<unknown>;

function guardWithHooks() {
  const hooks = new Map<string, Hook>();
  const fastify = { addHook: (name: string, hook: Hook) => hooks.set(name, hook) };
  const adapterHost = { httpAdapter: { getInstance: () => fastify } } as unknown as HttpAdapterHost;
  const guard = new IdempotencyGuard(keyDocuments(), new FakeClock(), adapterHost);
  guard.onModuleInit();
  const onSend = hooks.get('onSend');
  if (!onSend) throw new Error('the guard registered no onSend hook');
  const sent = (request: unknown, statusCode: number) => onSend(request, { statusCode }, '{}');
  return { guard, sent };
}

function keyedPost(key: string, body: unknown) {
  const request = {
    method: 'POST',
    url: '/toys/a/deposits',
    headers: { 'idempotency-key': key },
    body,
  };
  setRequestActor(request as unknown as FastifyRequest, { id: 'agent-1', role: 'agent' });
  const context = {
    getType: () => 'http',
    switchToHttp: () => ({ getRequest: () => request }),
  } as unknown as ExecutionContext;
  return { request, context };
}

const settled = () => new Promise((resolve) => setImmediate(resolve));

describe('IdempotencyGuard', () => {
  it('holds a second request with the same key until the first is answered, then judges it by the first', async () => {
    const { guard, sent } = guardWithHooks();
    const key = randomUUID();
    const first = keyedPost(key, { amount: 3 });
    const other = keyedPost(key, { amount: 4 });
    const same = keyedPost(key, { amount: 3 });
    await expect(guard.canActivate(first.context)).resolves.toBe(true);

    const outcomes: string[] = [];
    const otherTurn = guard.canActivate(other.context).then(
      () => outcomes.push('other ran'),
      (error: { response?: { error?: string } }) => outcomes.push(`other ${error.response?.error}`),
    );
    await settled();
    expect(outcomes).toEqual([]); // waiting for the first request's answer

    await sent(first.request, 201);
    await otherTurn;
    expect(outcomes).toEqual(['other idempotency-key-reused']);
    await expect(guard.canActivate(same.context)).resolves.toBe(true);
    await sent(same.request, 201);
  });

  it('does not remember a key whose request failed, so a corrected request may use it', async () => {
    const { guard, sent } = guardWithHooks();
    const key = randomUUID();
    const refused = keyedPost(key, { amount: 'three' });
    await guard.canActivate(refused.context);
    await sent(refused.request, 400);
    const corrected = keyedPost(key, { amount: 3 });
    await expect(guard.canActivate(corrected.context)).resolves.toBe(true);
    await sent(corrected.request, 201);
  });

  it('leaves safe methods and requests without a key alone', async () => {
    const { guard } = guardWithHooks();
    const get = keyedPost(randomUUID(), undefined);
    get.request.method = 'GET';
    const unkeyed = keyedPost(randomUUID(), { amount: 1 });
    unkeyed.request.headers = {} as { 'idempotency-key': string };
    await expect(guard.canActivate(get.context)).resolves.toBe(true);
    await expect(guard.canActivate(get.context)).resolves.toBe(true); // no turn was taken to block it
    await expect(guard.canActivate(unkeyed.context)).resolves.toBe(true);
  });
});
