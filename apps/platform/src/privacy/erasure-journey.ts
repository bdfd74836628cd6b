import { authHeaders, type TestPlatform } from '@c360/runtime/testing';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The person the journey writes everywhere: unusual enough that a byte hit is never a coincidence. */
export const PERSON = {
  first: 'Ingrid',
  last: 'Vikströmsen',
  email: 'ingrid.vikstromsen.7c2e@example.com',
  phone: '+4791234567',
  phoneAsTyped: '912 34 567',
} as const;

/** What must not be found anywhere once the person is erased (UTF-8, lower-case and UTF-16 variants are searched). */
export const NEEDLES = [PERSON.first + ' ' + PERSON.last, PERSON.last, PERSON.email, PERSON.phone, PERSON.phoneAsTyped, '91234567'];

const SUPERVISOR = authHeaders('supervisor', 'sup-1');
const about = `${PERSON.first} ${PERSON.last} <${PERSON.email}> ${PERSON.phoneAsTyped}`;

/**
 * A customer's journey through every context, writing the person's name, e-mail and phone into every
 * free-text field each context has (deal title, activity subject and notes, win/reopen/loss reasons,
 * refund reason, contract title and lapse reason, ticket subject, description and reply, loyalty
 * adjustment reference, profile company and attributes). Returns the ids the checks need.
 */
export async function runErasureJourney(platform: TestPlatform): Promise<{ customerId: string; dealId: string; ticketId: string }> {
  const http = platform.http;
  const registered = await http
    .post('/customers')
    .send({
      name: { first: PERSON.first, last: PERSON.last },
      emails: [PERSON.email],
      phones: [PERSON.phone],
      company: `${PERSON.last} Fisk AS`,
      attributes: { note: about },
    })
    .expect(201);
  const customerId = registered.body.customerId as string;
  await platform.processors.waitUntilCaughtUp();

  const deal = await http
    .post('/deals')
    .send({
      customerId,
      title: `Boat for ${about}`,
      amount: 100_000,
      currency: 'NOK',
      ownerId: 'agent-1',
      expectedCloseDate: '2026-04-01',
      source: 'web',
    })
    .expect(201);
  const dealId = deal.body.dealId as string;
  await http
    .post(`/deals/${dealId}/activities`)
    .send({ kind: 'call', subject: `Called ${about}`, notes: `Spoke with ${about}` })
    .expect(201);
  await http
    .post(`/deals/${dealId}/win`)
    .send({ reason: `Won: ${about}` })
    .expect(200);
  await http
    .post(`/deals/${dealId}/reopen`)
    .send({ reason: `Reopened for ${about}` })
    .expect(200);
  await http
    .post(`/deals/${dealId}/lose`)
    .send({ reason: `Lost: ${about}` })
    .expect(200);

  const purchase = await http
    .post('/purchases')
    .send({
      orderId: 'web-7c2e',
      channel: 'web',
      customerId,
      lines: [{ sku: 'boat-1', category: 'boats', quantity: 1, unitPrice: 250_000 }],
      total: 250_000,
      currency: 'NOK',
      purchasedAt: '2026-03-01T10:00:00.000Z',
    })
    .expect(201);
  await http
    .post(`/purchases/${purchase.body.purchaseId}/refunds`)
    .send({ kind: 'refund', reason: `Refund asked by ${about}`, amount: 1_000 })
    .expect(201);

  const contract = await http
    .post('/contracts')
    .send({ customerId, title: `Service plan of ${about}`, value: 10_000, currency: 'NOK', startDate: '2026-03-01', termMonths: 12 })
    .expect(201);
  // A contract lapses only once its renewal date has passed.
  platform.clock.set('2027-03-05T10:00:00.000Z');
  await http
    .post(`/contracts/${contract.body.contractId}/lapse`)
    .send({ reason: `Cancelled by ${about}` })
    .expect(200);

  const ticket = await http
    .post('/tickets')
    .send({
      customerId,
      channel: 'email',
      subject: `Boat of ${about}`,
      description: `Written by ${about}`,
      priority: 'normal',
      category: 'boats',
    })
    .expect(201);
  const ticketId = ticket.body.ticketId as string;
  await http
    .post(`/tickets/${ticketId}/replies`)
    .send({ body: `Dear ${about}, we are on it` })
    .expect(201);

  await platform.processors.waitUntilCaughtUp();
  await http
    .post(`/loyalty/accounts/${customerId}/adjustments`)
    .set(SUPERVISOR)
    .send({ points: 50, reason: 'goodwill', reference: PERSON.email })
    .expect(201);
  await platform.processors.waitUntilCaughtUp();
  return { customerId, dealId, ticketId };
}

/** Every file under a directory, recursively (databases, WAL and shared-memory files, topic files, logs). */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Needle → files holding it (UTF-8 as typed, lower-cased, and UTF-16). */
export function byteHits(files: readonly string[], needles: readonly string[]): Record<string, string[]> {
  const contents = files.map((file) => ({ file, bytes: readFileSync(file) }));
  const hits: Record<string, string[]> = {};
  for (const needle of needles) {
    const variants = [Buffer.from(needle, 'utf8'), Buffer.from(needle.toLowerCase(), 'utf8'), Buffer.from(needle, 'utf16le')];
    const found = contents.filter(({ bytes }) => variants.some((variant) => bytes.includes(variant))).map(({ file }) => file);
    if (found.length > 0) hits[needle] = found;
  }
  return hits;
}
