import { publishContactsEvent } from '@c360/contacts-contracts';
import { uuidv7 } from '@c360/kernel';
import { FakeClock } from '@c360/kernel/testing';
import { createTestPlatform, type TestPlatform } from '@c360/runtime/testing';
import { SurveysModule } from '../surveys.context';

export const T0 = '2026-03-02T08:00:00.000Z';
export const DAY = 86_400_000;
export const ANN = '0190a5c4-0000-7000-8000-00000000c001';
export const BO = '0190a5c4-0000-7000-8000-00000000c002';

/** Appends one event of another context as its log would hold it (its contract is all surveys reads). */
export async function publish(platform: TestPlatform, streamId: string, type: string, data: Record<string, unknown>): Promise<void> {
  const id = uuidv7();
  await platform.stores.eventStore.appendToStream(
    streamId,
    [
      {
        id,
        type,
        schemaVersion: 1,
        occurredAt: platform.clock.now().toISOString(),
        data,
        metadata: { correlationId: id, causationId: id, actor: { id: type.split('.')[0], role: 'system' } },
      },
    ],
    { expectedRevision: 'any' },
  );
}

export function grantConsent(platform: TestPlatform, customerId: string, channel: string, purpose: string): Promise<void> {
  return publish(platform, `contacts-customer-${customerId}`, 'contacts.consent-granted', {
    customerId,
    channel,
    purpose,
    source: 'web',
    grantedAt: platform.clock.now().toISOString(),
  });
}

/** Processors cause events that other processors read: wait until the log stops growing. */
export async function settle(platform: TestPlatform): Promise<void> {
  for (let round = 0; round < 20; round++) {
    const head = await platform.stores.eventStore.headPosition();
    await platform.processors.waitUntilCaughtUp();
    if ((await platform.stores.eventStore.headPosition()) === head) return;
  }
  throw new Error('processors did not settle');
}

/**
 * Surveys on their own, with ANN (prefers Norwegian) and BO registered as contacts would publish them,
 * and ANN's consent to be asked by e-mail for service and marketing.
 */
export async function surveysPlatform(options: { clock?: FakeClock } = {}): Promise<TestPlatform> {
  const platform = await createTestPlatform({ imports: [SurveysModule], clock: options.clock ?? new FakeClock(T0) });
  const at = platform.clock.now().toISOString();
  await publish(platform, `contacts-customer-${ANN}`, 'contacts.customer-registered', {
    customerId: ANN,
    registeredAt: at,
    preferredLanguage: 'nb',
  });
  await publishContactsEvent(platform.stores.eventStore, BO, 'contacts.customer-registered', at);
  await grantConsent(platform, ANN, 'email', 'service');
  await grantConsent(platform, ANN, 'email', 'marketing');
  await settle(platform);
  return platform;
}

/** The token of the latest outbox message to a customer (what the customer's link carries). */
export async function tokenFor(platform: TestPlatform, customerId: string, invitationId?: string): Promise<string> {
  const outbox = await platform.as('supervisor').get('/surveys/outbox').query({ customerId }).expect(200);
  const message = invitationId
    ? outbox.body.items.find((m: { invitationId: string }) => m.invitationId === invitationId)
    : outbox.body.items[0];
  if (!message) throw new Error(`no outbox message for ${customerId}`);
  return new URL(message.link as string).searchParams.get('token')!;
}

/** Field names of a 400 answer. */
export function badFields(body: { fields?: { field: string }[] }): string[] {
  return (body.fields ?? []).map((f) => f.field).sort();
}
