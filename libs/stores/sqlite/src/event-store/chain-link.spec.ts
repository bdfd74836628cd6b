import { createHash } from 'node:crypto';
import { GENESIS, link, linkDigest, linkMatches, linkMessage } from './chain-link';

/** What one link covers must never change: every stored chain was hashed with it. */
describe('one link of the hash chain', () => {
  const first = {
    position: 1,
    eventId: '0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
    streamId: 'contacts-customer-é1',
    revision: 0,
    type: 'contacts.customer-registered',
    schemaVersion: 1,
    occurredAt: '2026-03-01T10:00:00.000Z',
    data: '{"name":"Zoë 🦊","n":1}',
    metadata: '{"correlationId":"c-1","causationId":"c-1","actor":{"id":"agent-1","role":"agent"}}',
  };
  const second = { ...first, position: 2, eventId: '0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c', revision: 1, type: 't.changed' };

  it('hashes as the chain always has (digests computed by the first implementation, createHash over the same text)', () => {
    const one = link(GENESIS, first);
    expect(one.toString('hex')).toBe('3831bf3e48ecee883c8e0be3bae12406cf7dadbff17516cb18479192ec8f7a06');
    const two = link(one, { ...second, schemaVersion: 2, occurredAt: '2026-03-01T10:00:01.000Z', data: '{}', metadata: '{}' });
    expect(two.toString('hex')).toBe('dff8879dc4dc620eab1e05f11642275176c36013760e9b8d897e55167b73c865');
  });

  it('is SHA-256 of the previous hash followed by the UTF-8 message, whatever the sizes (the scratch buffer grows, huge ones get their own)', () => {
    const previous = link(GENESIS, first);
    for (const size of [0, 10, 70_000, 2_000_000]) {
      const message = `€${'x'.repeat(size)}🦊`;
      const expected = createHash('sha256').update(previous).update(message).digest();
      expect(linkMessage(previous, message).equals(expected)).toBe(true);
    }
    // After a large one, a small one is not hashed with the large one's leftover bytes.
    expect(linkMessage(previous, 'a').equals(createHash('sha256').update(previous).update('a').digest())).toBe(true);
  });

  it('takes the previous hash as bytes or as the digest string it returns, with the same result', () => {
    const digest = linkDigest(GENESIS, 'one');
    expect(Buffer.from(digest, 'latin1').equals(linkMessage(GENESIS, 'one'))).toBe(true);
    expect(linkDigest(digest, 'two')).toBe(linkDigest(Buffer.from(digest, 'latin1'), 'two'));
    expect(linkMatches(digest, 'two', linkMessage(digest, 'two'))).toBe(true);
    expect(linkMatches(digest, 'two', linkMessage(digest, 'tw0'))).toBe(false);
  });

  it('covers a previous hash of any length (a tampered one stays exactly as detectable as before)', () => {
    const short = Buffer.from('abc');
    expect(linkMessage(short, 'm').equals(createHash('sha256').update(short).update('m').digest())).toBe(true);
  });
});
