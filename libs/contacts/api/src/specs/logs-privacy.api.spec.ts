import { LogCapture, createTestPlatform, type TestPlatform } from '@c360/runtime/testing';
import { ContactsModule } from '../contacts.context';
import { registerCustomer } from './contacts-api.fixtures';

const FIRST = 'Solveig';
const FAMILY = 'Trondhjemsrud';
const EMAIL = 'solveig.trondhjemsrud.8e21@example.com';
const SECOND_EMAIL = 'sol.8e21@example.net';
const PHONE = '+4798765432';

/**
 * Logs must never hold personal data (ADR 0015): a journey through contacts' API — registering, a
 * second e-mail removed through a route whose path carries the address, a search by e-mail in the
 * query string, a refused request echoing the address, the erasure — with every log line captured
 * at debug level, then grepped for the customer's name, e-mails and phone.
 */
describe('contacts API: no personal data in the logs', () => {
  let platform: TestPlatform;
  let logs: LogCapture;
  beforeEach(async () => {
    logs = new LogCapture();
    platform = await createTestPlatform({ imports: [ContactsModule], logs, env: { LOG_LEVEL: 'debug' } });
  });
  afterEach(() => platform.close());

  it('logs the journey of a customer who is registered and erased without a name, an e-mail or a phone in any line', async () => {
    const { customerId } = await registerCustomer(platform, { name: { first: FIRST, last: FAMILY }, emails: [EMAIL], phones: [PHONE] });
    await platform.http.post(`/customers/${customerId}/emails`).send({ email: SECOND_EMAIL }).expect(201);
    await platform.http.delete(`/customers/${customerId}/emails/${encodeURIComponent(SECOND_EMAIL)}`).expect(200);
    await platform.http.get('/customers').query({ email: EMAIL }).expect(200);
    // Another customer claiming the same e-mail: refused with a rule naming the holder.
    await platform.http
      .post('/customers')
      .send({ name: { first: 'Other' }, emails: [EMAIL] })
      .expect(409);
    await platform.processors.waitUntilCaughtUp();
    await platform.http.post(`/customers/${customerId}/erasure`).expect(200);
    await platform.processors.waitUntilCaughtUp();

    // The journey was logged (requests and projection batches) …
    const messages = logs.entries().map((entry) => entry.msg);
    expect(messages.filter((msg) => msg === 'request completed')).toHaveLength(6);
    expect(messages).toContain('batch handled');
    // … and nothing personal was.
    for (const needle of [FIRST, FAMILY, EMAIL, SECOND_EMAIL, encodeURIComponent(SECOND_EMAIL), PHONE, '98765432']) {
      expect({ needle, lines: logs.grep(needle) }).toEqual({ needle, lines: [] });
    }
  });
});
