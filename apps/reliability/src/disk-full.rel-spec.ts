import { runAcknowledgedLoad } from './support/acknowledged-load';
import { PlatformClient, seededRandom } from './support/http-client';
import { checkEffects, loyaltyWorkload } from './support/loyalty-workload';
import { PlatformProcess, sleep, stopAllPlatforms } from './support/platform-process';
import { report } from './support/report';
import { fullDisk, type FullDisk } from './support/full-disk';
import { checkTopics } from './support/topics';

/**
 * The platform's data dir on a 256 MB tmpfs of its own (room for both WALs to reach their 40 MiB autocheckpoint), filled to the last byte in the middle of a load
 * (appends, projection and checkpoint writes, the relay's topic files all hit ENOSPC), kept full for a
 * few seconds, then freed — without a restart. (Where a tmpfs cannot be mounted, the platform's file
 * size limit stands in for the full disk: support/full-disk.ts.) The process stays up, answers 503 while it cannot write,
 * and afterwards every acknowledged command is in the log exactly once, every reaction ran once, the
 * read models equal their ledgers, events and a rebuild, and no topic record is lost or torn.
 */
describe('disk full during appends, projection and checkpoint writes', () => {
  let disk: FullDisk | undefined;
  afterAll(async () => {
    await stopAllPlatforms();
    disk?.dispose();
  });

  it('answers 503 while full, keeps every acknowledged command and recovers in place once space is back', async () => {
    disk = fullDisk(256);
    const platform = await PlatformProcess.start({ dataDir: disk.dataDir });
    const client = new PlatformClient(() => platform.url);
    const workload = await loyaltyWorkload(platform, client, 10, seededRandom(18), 'full');
    const load = runAcknowledgedLoad(client, 16, workload.next);
    await sleep(1_500);
    const acksBefore = load.acknowledgedSoFar();
    const pid = platform.pid ?? 0;
    const filled = disk.fill(pid);
    const readiness: number[] = [];
    for (let sample = 0; sample < 8; sample++) {
      await sleep(500);
      readiness.push(
        await fetch(`${platform.url}/health/ready`).then(
          (response) => response.status,
          () => 0,
        ),
      );
    }
    const aliveWhileFull = platform.alive;
    const acksWhileFull = load.acknowledgedSoFar() - acksBefore;
    disk.free(pid);
    await sleep(2_000);
    const figures = await load.stop();
    const aliveAfter = platform.alive;
    await platform.waitCaughtUp();
    const effects = await checkEffects(platform, client, workload, figures);
    const topics = checkTopics(platform.dataDir);

    report({
      case: `disk full (${disk.kind})`,
      load: `16 clients, ${figures.acknowledged.length} acknowledged commands, ${effects.purchases} purchase reactions`,
      faults: `disk ${filled} for 4 s under load, then freed; ${figures.unavailable} × 503`,
      invalidInputs: 0,
      lost: effects.lost + effects.reactionsMissing + topics.missing,
      duplicated: effects.doubled + effects.reactionsDoubled,
      notes: `up while full: ${aliveWhileFull}, after: ${aliveAfter}; ${acksWhileFull} acks while full; /health/ready while full: ${[...new Set(readiness)].join('/')}; ${effects.drift.length} balances drifted; ${topics.torn.length} torn topic records`,
    });
    expect(aliveWhileFull).toBe(true);
    expect(aliveAfter).toBe(true);
    expect(figures.unavailable).toBeGreaterThan(0);
    expect(figures.unexpected.slice(0, 5)).toEqual([]);
    expect(effects).toMatchObject({ lost: 0, doubled: 0, reactionsMissing: 0, reactionsDoubled: 0, strangers: 0, drift: [] });
    expect(topics.missing).toBe(0);
    expect(topics.torn).toEqual([]);
  }, 300_000);
});
