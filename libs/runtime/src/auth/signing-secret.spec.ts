import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../config/platform-config';
import { loadSigningSecret } from './signing-secret';

describe('the signing secret', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'c360-secret-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('is created once under the data directory, readable by its owner only', () => {
    const auth = loadConfig({ C360_DATA_DIR: dataDir }).auth;
    const first = loadSigningSecret(auth);
    expect(first.created).toBe(true);
    expect(statSync(auth.secretFile).mode & 0o777).toBe(0o600);
    const second = loadSigningSecret(auth);
    expect(second.created).toBe(false);
    expect(Buffer.from(second.key).equals(Buffer.from(first.key))).toBe(true);
  });

  it('comes from C360_AUTH_SECRET when set, and no file is written', () => {
    const auth = loadConfig({ C360_DATA_DIR: dataDir, C360_ENV: 'production', C360_AUTH_SECRET: 's'.repeat(40) }).auth;
    expect(loadSigningSecret(auth)).toEqual({ key: new TextEncoder().encode('s'.repeat(40)), created: false });
    expect(() => statSync(auth.secretFile)).toThrow();
  });

  it('tightens a secret file that others could read', () => {
    const auth = loadConfig({ C360_DATA_DIR: dataDir }).auth;
    writeFileSync(auth.secretFile, 'k'.repeat(43), { mode: 0o644 });
    loadSigningSecret(auth);
    expect(statSync(auth.secretFile).mode & 0o777).toBe(0o600);
  });
});
