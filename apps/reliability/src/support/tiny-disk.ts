import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A small tmpfs of its own (needs root or CAP_SYS_ADMIN, which this CI machine has), so that a case can
 * fill the platform's disk at a moment of its choosing and free it again without touching the host's
 * disk: `fill()` writes a filler file until the kernel answers ENOSPC, `free()` removes it.
 */
export class TinyDisk {
  private readonly filler: string;

  private constructor(readonly dir: string) {
    this.filler = join(dir, 'filler');
  }

  static mount(megabytes: number): TinyDisk {
    const dir = mkdtempSync(join(tmpdir(), 'c360-rel-disk-'));
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${megabytes}m,mode=0700`, 'tmpfs', dir], { stdio: 'pipe' });
    } catch (error) {
      rmSync(dir, { recursive: true, force: true });
      throw new Error(
        `the disk-full case mounts a ${megabytes} MB tmpfs and needs root (or CAP_SYS_ADMIN): ${(error as { stderr?: Buffer }).stderr?.toString().trim() ?? error}`,
      );
    }
    return new TinyDisk(dir);
  }

  /** A data dir on the tiny disk. */
  get dataDir(): string {
    return join(this.dir, 'data');
  }

  /** Fills every free byte; resolves with how many bytes the filler took. */
  fill(): number {
    const fd = openSync(this.filler, 'a');
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
    return written;
  }

  free(): void {
    rmSync(this.filler, { force: true });
  }

  unmount(): void {
    execFileSync('umount', [this.dir], { stdio: 'pipe' });
    rmSync(this.dir, { recursive: true, force: true });
  }
}
