import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../../..');
/** The c360 CLI (`npm run c360 -- audit verify`, issue 18). */
const CLI_ENTRY = 'apps/platform/src/cli/main.ts';

export interface AuditVerdict {
  readonly ran: true;
  readonly code?: number | null;
  readonly output?: string;
}

/**
 * Runs `c360 audit verify` (every read model recomputed from the log and compared with the stored
 * documents) against a stopped platform's data dir and reports its exit code and output.
 */
export function auditVerify(dataDir: string): Promise<AuditVerdict> {
  if (!existsSync(join(ROOT, CLI_ENTRY))) throw new Error(`the c360 CLI is not at ${CLI_ENTRY}`);
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
