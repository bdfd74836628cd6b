import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../../..');
/** Where issue 18's CLI will live (`c360 audit verify`); the hook runs it once it exists. */
const CLI_ENTRY = 'apps/cli/src/main.ts';

export interface AuditVerdict {
  /** False while the CLI is not in the tree yet: the case then checks drift itself (ledgers, events, a rebuild). */
  readonly ran: boolean;
  readonly code?: number | null;
  readonly output?: string;
}

/**
 * The hook for `audit verify` (issue 18): runs it against a stopped platform's data dir and reports
 * its exit code. Until the CLI lands it answers `{ ran: false }` and the table says so.
 */
export function auditVerify(dataDir: string): Promise<AuditVerdict> {
  if (!existsSync(join(ROOT, CLI_ENTRY))) return Promise.resolve({ ran: false });
  return new Promise((done) => {
    const child = spawn(process.execPath, [join(ROOT, 'scripts/run-ts.js'), CLI_ENTRY, 'audit', 'verify'], {
      cwd: ROOT,
      env: { ...process.env, C360_DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.once('exit', (code) => done({ ran: true, code, output }));
  });
}
