import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A disk the case can fill at a moment of its choosing and free again, under a running platform. */
export interface FullDisk {
  /** `tmpfs` (a real ENOSPC) or `file size limit` (RLIMIT_FSIZE: EFBIG, when mounting is not allowed). */
  readonly kind: string;
  readonly dataDir: string;
  /** Makes every write that needs more space fail; resolves with a few words on what it did. */
  fill(pid: number): string;
  free(pid: number): void;
  dispose(): void;
}

/**
 * A small tmpfs of its own (root or CAP_SYS_ADMIN; this CI machine runs as root): `fill()` writes a
 * filler file until the kernel answers ENOSPC, `free()` removes it. Where mounting is refused, or with
 * `C360_RELIABILITY_DISK=limit`, the platform's file size limit is lowered instead (`prlimit`, allowed
 * for one's own processes): no file can grow, so appends, WAL growth and topic writes fail with EFBIG
 * (Node ignores SIGXFSZ) until the limit is raised again.
 */
export function fullDisk(megabytes: number): FullDisk {
  const dir = mkdtempSync(join(tmpdir(), 'c360-rel-disk-'));
  const dataDir = join(dir, 'data');
  if (process.env.C360_RELIABILITY_DISK !== 'limit') {
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${megabytes}m,mode=0700`, 'tmpfs', dir], { stdio: 'pipe' });
      return tmpfs(dir, dataDir);
    } catch {
      // not allowed here: the file size limit below
    }
  }
  return {
    kind: 'file size limit',
    dataDir,
    fill(pid) {
      execFileSync('prlimit', [`--pid=${pid}`, '--fsize=1:unlimited'], { stdio: 'pipe' });
      return 'RLIMIT_FSIZE lowered to 1 byte';
    },
    free(pid) {
      execFileSync('prlimit', [`--pid=${pid}`, '--fsize=unlimited:unlimited'], { stdio: 'pipe' });
    },
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}

function tmpfs(dir: string, dataDir: string): FullDisk {
  const filler = join(dir, 'filler');
  return {
    kind: 'tmpfs',
    dataDir,
    fill() {
      const fd = openSync(filler, 'a');
      let written = 0;
      try {
        for (const size of [1 << 20, 1 << 12, 1 << 9]) {
          const chunk = Buffer.alloc(size);
          for (;;) {
            try {
              written += writeSync(fd, chunk);
            } catch (error) {
              if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
              break;
            }
          }
        }
      } finally {
        closeSync(fd);
      }
      return `filled with a ${(written / 1e6).toFixed(1)} MB filler`;
    },
    free: () => rmSync(filler, { force: true }),
    dispose() {
      execFileSync('umount', [dir], { stdio: 'pipe' });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
