import { publishContactsEvent } from '@c360/contacts-contracts';
import { FakeClock } from '@c360/kernel/testing';
import { createTestPlatform, publishEvent, settleProcessors, type TestPlatform } from '@c360/runtime/testing';
import { SurveysModule } from '../surveys.context';

export const T0 = '2026-03-02T08:00:00.000Z';
export const DAY = 86_400_000;
export const ANN = '0190a5c4-0000-7000-8000-00000000c001';
export const BO = '0190a5c4-0000-7000-8000-00000000c002';

/** Appends one event of another context as its log would hold it (its contract is all surveys reads). */
export const publish = publishEvent;

export function grantConsent(platform: TestPlatform, customerId: string, channel: string, purpose: string): Promise<string> {
  return publish(platform, `contacts-customer-${customerId}`, 'contacts.consent-granted', {
    customerId,
    channel,
    purpose,
    source: 'web',
    grantedAt: platform.clock.now().toISOString(),
  });
}

/** Processors cause events that other processors read: wait until the log stops growing. */
export const settle = settleProcessors;

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
