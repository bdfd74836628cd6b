import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PlatformClient } from './support/http-client';
import { PlatformProcess, stopAllPlatforms } from './support/platform-process';
import { report } from './support/report';
import { relaxFraudRules } from './support/seed';

const PERSON = { first: 'Torunn', last: 'Haldorsengård', email: 'torunn.haldorsengard.91b3@example.com', phone: '+4798765432' };
const NEEDLES = [`${PERSON.first} ${PERSON.last}`, PERSON.last, PERSON.email, PERSON.phone, '98765432'];

/**
 * A seeded customer written into every context of the real process (profile, deal, activity, purchase
 * and refund, contract, ticket and reply, a loyalty adjustment), with debug logs on and topic files;
 * then erasure. Their e-mail, phone and name are then in no file under the data dir (event log, read
 * models, keys, topic files), not in the process's log output and not in their export — while running
 * and after a clean stop.
 */
describe('erasure against the real process and its files', () => {
  afterAll(() => stopAllPlatforms());

  it('leaves the name, e-mail and phone in no data file, read model, topic file, log or export', async () => {
    const platform = await PlatformProcess.start({ env: { LOG_LEVEL: 'debug', TOPICS: 'files' } });
    const client = new PlatformClient(() => platform.url);
    await relaxFraudRules(client);
    const about = `${PERSON.first} ${PERSON.last} <${PERSON.email}> ${PERSON.phone}`;
    const { customerId } = await client.expect<{ customerId: string }>(201, 'POST', '/customers', {
      body: {
        name: { first: PERSON.first, last: PERSON.last },
        emails: [PERSON.email],
        phones: [PERSON.phone],
        company: `${PERSON.last} AS`,
        attributes: { note: about },
      },
    });
    await platform.waitCaughtUp();
    const { dealId } = await client.expect<{ dealId: string }>(201, 'POST', '/deals', {
      body: {
        customerId,
        title: `Boat for ${about}`,
        amount: 100_000,
        currency: 'NOK',
        ownerId: 'agent-1',
        expectedCloseDate: '2027-04-01',
        source: 'web',
      },
    });
    await client.expect(201, 'POST', `/deals/${dealId}/activities`, {
      body: { kind: 'call', subject: `Called ${about}`, notes: `Spoke with ${about}` },
    });
    await client.expect(200, 'POST', `/deals/${dealId}/lose`, { body: { reason: `Lost: ${about}` } });
    const { purchaseId } = await client.expect<{ purchaseId: string }>(201, 'POST', '/purchases', {
      body: {
        orderId: 'web-91b3',
        channel: 'web',
        customerId,
        lines: [{ sku: 'boat-1', category: 'boats', quantity: 1, unitPrice: 250_000 }],
        total: 250_000,
        currency: 'NOK',
      },
    });
    await client.expect(201, 'POST', `/purchases/${purchaseId}/refunds`, {
      body: { kind: 'refund', reason: `Refund asked by ${about}`, amount: 1_000 },
    });
    await client.expect(201, 'POST', '/contracts', {
      body: { customerId, title: `Service plan of ${about}`, value: 10_000, currency: 'NOK', startDate: '2026-03-01', termMonths: 12 },
    });
    const { ticketId } = await client.expect<{ ticketId: string }>(201, 'POST', '/tickets', {
      body: { customerId, channel: 'email', subject: `Boat of ${about}`, description: `Written by ${about}`, priority: 'normal' },
    });
    await client.expect(201, 'POST', `/tickets/${ticketId}/replies`, { body: { body: `Dear ${about}, we are on it` } });
    await platform.waitCaughtUp();
    await client.expect(201, 'POST', `/loyalty/accounts/${customerId}/adjustments`, {
      as: 'supervisor',
      body: { points: 50, reason: 'goodwill', reference: PERSON.email },
    });
    await platform.waitCaughtUp();

    // Before: the person is found (so a miss afterwards means something).
    const exportBefore = JSON.stringify(await client.expect(200, 'GET', `/customers/${customerId}/export`));
    expect(exportBefore).toContain(PERSON.email);
    expect(Object.keys(hits(platform))).toEqual(expect.arrayContaining([PERSON.email, PERSON.last]));

    await client.expect(200, 'POST', `/customers/${customerId}/erasure`);
    await platform.waitCaughtUp();
    const running = hits(platform);
    const exported = await client.request('GET', `/customers/${customerId}/export`);
    const inExport = NEEDLES.filter((needle) => JSON.stringify(exported.body).toLowerCase().includes(needle.toLowerCase()));
    await platform.stop();
    const stopped = hits(platform);
    const files = filesUnder(platform.dataDir).length + 1;

    report({
      case: 'erasure',
      load: `one customer through contacts, sales, tickets, loyalty; ${files} files searched (data dir, process log)`,
      faults: '—',
      invalidInputs: 0,
      lost: 0,
      duplicated: Object.keys(running).length + Object.keys(stopped).length + inExport.length,
      notes: `hits after erasure: running ${JSON.stringify(running)}, stopped ${JSON.stringify(stopped)}, export ${exported.status} ${JSON.stringify(inExport)}`,
    });
    expect(running).toEqual({});
    expect(stopped).toEqual({});
    expect(inExport).toEqual([]);
  });
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Needle → files holding it (UTF-8 as typed and lower-cased, UTF-16), over the data dir and the process's log. */
function hits(platform: PlatformProcess): Record<string, string[]> {
  const contents = [...filesUnder(platform.dataDir), platform.logFile].map((file) => ({ file, bytes: readFileSync(file) }));
  const found: Record<string, string[]> = {};
  for (const needle of NEEDLES) {
    const variants = [Buffer.from(needle, 'utf8'), Buffer.from(needle.toLowerCase(), 'utf8'), Buffer.from(needle, 'utf16le')];
    const files = contents
      .filter(({ bytes }) => variants.some((variant) => bytes.includes(variant)))
      .map(({ file }) => file.slice(platform.root.length + 1));
    if (files.length) found[needle] = files;
  }
  return found;
}
