import { SUBJECT_KEY_BYTES, SubjectErasedError, type KeyStore } from '@c360/kernel';
import { uniquePrefix } from './sample-events';

export interface KeyStoreHarness {
  open(): Promise<{ keys: KeyStore; reopen(): Promise<KeyStore>; dispose(): Promise<void> }>;
}

/** The one contract every KeyStore adapter passes (crypto-shredding depends on every line of it). */
export function keyStoreContract(adapter: string, harness: KeyStoreHarness): void {
  describe(`KeyStore contract: ${adapter}`, () => {
    let keys: KeyStore;
    let reopen: () => Promise<KeyStore>;
    let dispose: () => Promise<void>;
    let subject: string;

    beforeEach(async () => {
      ({ keys, reopen, dispose } = await harness.open());
      subject = uniquePrefix('customer');
    });
    afterEach(() => dispose());

    it('knows no key for a new subject', async () => {
      expect(await keys.get(subject)).toBeUndefined();
      expect(await keys.isErased(subject)).toBe(false);
    });

    it('creates a 256-bit key once and returns the same key afterwards', async () => {
      const created = await keys.create(subject);
      expect(created.subject).toBe(subject);
      expect(created.key).toHaveLength(SUBJECT_KEY_BYTES);
      expect(Buffer.from(created.key).equals(Buffer.alloc(SUBJECT_KEY_BYTES))).toBe(false);
      const again = await keys.create(subject);
      const read = await keys.get(subject);
      expect(again.keyId).toBe(created.keyId);
      expect(Buffer.from(again.key).equals(Buffer.from(created.key))).toBe(true);
      expect(read && Buffer.from(read.key).equals(Buffer.from(created.key))).toBe(true);
    });

    it('gives every subject its own key', async () => {
      const a = await keys.create(subject);
      const b = await keys.create(`${subject}-other`);
      expect(a.keyId).not.toBe(b.keyId);
      expect(Buffer.from(a.key).equals(Buffer.from(b.key))).toBe(false);
    });

    it('answers racing creates with one key', async () => {
      const created = await Promise.all(Array.from({ length: 8 }, () => keys.create(subject)));
      expect(new Set(created.map((key) => key.keyId)).size).toBe(1);
    });

    it('keeps keys across a restart', async () => {
      const created = await keys.create(subject);
      const restarted = await reopen();
      const read = await restarted.get(subject);
      expect(read?.keyId).toBe(created.keyId);
      expect(read && Buffer.from(read.key).equals(Buffer.from(created.key))).toBe(true);
    });

    it('forgets a deleted key for good, also after a restart', async () => {
      await keys.create(subject);
      await keys.delete(subject);
      expect(await keys.get(subject)).toBeUndefined();
      expect(await keys.isErased(subject)).toBe(true);
      const restarted = await reopen();
      expect(await restarted.get(subject)).toBeUndefined();
      expect(await restarted.isErased(subject)).toBe(true);
    });

    it('refuses to create a new key for an erased subject', async () => {
      await keys.create(subject);
      await keys.delete(subject);
      await expect(keys.create(subject)).rejects.toBeInstanceOf(SubjectErasedError);
      expect(await keys.get(subject)).toBeUndefined();
    });

    it('deletes idempotently, also a subject that never had a key', async () => {
      await keys.delete(subject);
      await keys.delete(subject);
      expect(await keys.isErased(subject)).toBe(true);
      await expect(keys.create(subject)).rejects.toBeInstanceOf(SubjectErasedError);
    });

    it('deleting one subject leaves the others readable', async () => {
      const other = await keys.create(`${subject}-keep`);
      await keys.create(subject);
      await keys.delete(subject);
      expect((await keys.get(`${subject}-keep`))?.keyId).toBe(other.keyId);
    });

    it('refuses subjects that are not ids', async () => {
      await expect(keys.create('')).rejects.toThrow(TypeError);
      await expect(keys.create('ann@example.com')).rejects.toThrow(TypeError);
      await expect(keys.get('has space')).rejects.toThrow(TypeError);
    });
  });
}
