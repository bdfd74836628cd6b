import { IdentityClaimKeys } from '@c360/contacts-application';
import { identityClaimAggregate, identityStream } from '@c360/contacts-domain';
import { CommandHandler } from '@c360/kernel';
import type { TestPlatform } from '@c360/runtime/testing';
import { ContactsModule } from '../contacts.context';
import { contactsPlatform } from './contacts-api.fixtures';

describe('contacts API: claims left behind by a crash', () => {
  let platform: TestPlatform;
  beforeEach(async () => {
    platform = await contactsPlatform();
  });
  afterEach(() => platform.close());

  it('takes over a claim whose customer never confirmed it, once the grace period has passed', async () => {
    // A registration that claimed the e-mail and crashed before writing its customer stream.
    const phantom = '0190a000-0000-7000-8000-00000000dead';
    // The contacts module's own CommandHandler (over its encrypting view of the store), and its claim keys.
    const commands = platform.app.select(ContactsModule).get(CommandHandler, { strict: true });
    const key = (
      await platform.app.select(ContactsModule).get(IdentityClaimKeys, { strict: true }).keyOf({ kind: 'email', value: 'lost@example.com' })
    ).current;
    await commands.handle(
      identityClaimAggregate,
      identityStream(key),
      { type: 'claim', identity: key, kind: 'email', customerId: phantom, at: platform.clock.now().toISOString() },
      { commandId: '0190a000-0000-7000-8000-00000000c1a1', actor: { id: 'test', role: 'system' } },
    );
    const refused = await platform.http
      .post('/customers')
      .send({ emails: ['lost@example.com'] })
      .expect(409);
    expect(refused.body.details.existingCustomerId).toBe(phantom);
    platform.clock.advance(5 * 60_000);
    await platform.http
      .post('/customers')
      .send({ emails: ['lost@example.com'] })
      .expect(201);
  });
});
