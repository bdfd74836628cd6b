import type { AppProcess } from './app-process';
import { pause } from './app-process';
import { tokenFor } from './tokens';

export interface ProcessorLeaseView {
  readonly name: string;
  readonly state: string;
  readonly checkpoint?: number;
  readonly lease?: { readonly holder: string; readonly token: number };
}

/** An instance's processors as its admin API shows them (`GET /admin/processors`, admins only). */
export async function processorsOf(instance: AppProcess): Promise<ProcessorLeaseView[]> {
  const response = await fetch(`${instance.url}/admin/processors`, {
    headers: { Authorization: `Bearer ${await tokenFor('admin')}` },
    signal: AbortSignal.timeout(20_000),
  });
  if (!response.ok) throw new Error(`${instance.name} GET /admin/processors: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { processors: ProcessorLeaseView[] }).processors;
}

/** Which instance holds each processor's lease (name → holder), asked of every live instance. */
export async function leaseHolders(instances: readonly AppProcess[]): Promise<Map<string, { holder: string; token: number }>> {
  const holders = new Map<string, { holder: string; token: number }>();
  for (const instance of instances.filter((candidate) => candidate.alive)) {
    const started = Date.now();
    const processors = await processorsOf(instance).catch((error: unknown) => {
      throw new Error(`${instance.name} (alive: ${instance.alive}) after ${Date.now() - started} ms: ${String(error)}\n${instance.tail()}`);
    });
    for (const processor of processors) {
      if (processor.lease) holders.set(processor.name, { holder: processor.lease.holder, token: processor.lease.token });
    }
  }
  return holders;
}

/**
 * Polls until `accept` holds for the lease holders of the live instances, or fails after `timeoutMs`
 * with the last holders it saw. Resolves with the holders and the milliseconds it took.
 */
export async function waitForHolders(
  instances: readonly AppProcess[],
  accept: (holders: Map<string, { holder: string; token: number }>) => boolean,
  timeoutMs: number,
): Promise<{ holders: Map<string, { holder: string; token: number }>; elapsedMs: number }> {
  const started = Date.now();
  let last = new Map<string, { holder: string; token: number }>();
  while (Date.now() - started < timeoutMs) {
    last = await leaseHolders(instances);
    if (accept(last)) return { holders: last, elapsedMs: Date.now() - started };
    await pause(100);
  }
  throw new Error(`lease holders not as expected within ${timeoutMs} ms: ${JSON.stringify([...last])}`);
}
