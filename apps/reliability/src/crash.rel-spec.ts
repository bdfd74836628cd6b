import { runAcknowledgedLoad } from './support/acknowledged-load';
import { auditVerify } from './support/audit';
import { countBy } from './support/event-log';
import { PlatformClient, seededRandom } from './support/http-client';
import { checkEffects, loyaltyWorkload } from './support/loyalty-workload';
import { PlatformProcess, sleep, stopAllPlatforms } from './support/platform-process';
import { report } from './support/report';

const KILLS = 5;
const CLIENTS = 32; // as the hand probe ran it
const SEED = 21;

/**
 * The platform SIGKILLed at random moments of a load of purchases (each one a reaction that earns
 * points, and projection work in every context), adjustments and redemptions, five times, restarted
 * each time on the same data dir. Then, from the log: every acknowledged command is in it exactly
 * once, every purchase earned its points exactly once, every balance equals its ledger and its events,
 * and a rebuild of every read model from the log gives the same balances.
 */
describe('SIGKILL under load, five times', () => {
  afterAll(() => stopAllPlatforms());

  it('keeps every acknowledged command, counts no points twice and runs every reaction once', async () => {
    const platform = await PlatformProcess.start();
    const client = new PlatformClient(() => platform.url);
    const random = seededRandom(SEED);
    const workload = await loyaltyWorkload(platform, client, 20, random, `crash-${SEED}`);

    const load = runAcknowledgedLoad(client, CLIENTS, workload.next);
    const kills: string[] = [];
    for (let kill = 1; kill <= KILLS; kill++) {
      await sleep(800 + Math.floor(random() * 2_500));
      const before = load.acknowledgedSoFar();
      await platform.kill();
      kills.push(`#${kill} after ${before} acks`);
      await platform.restart();
    }
    await sleep(1_000);
    const figures = await load.stop();
    await platform.waitCaughtUp();
    const effects = await checkEffects(platform, client, workload, figures);
    const audit = await auditVerify(platform.dataDir);

    const kinds = countBy(figures.acknowledged, (command) => command.kind);
    report({
      case: 'crash',
      load: `${CLIENTS} clients, ${figures.acknowledged.length.toLocaleString('en-US')} acknowledged commands (${[...kinds].map(([kind, count]) => `${count} ${kind}s`).join(', ')}), ${effects.purchases} purchase reactions`,
      faults: `${KILLS} × SIGKILL (${kills.join('; ')}), ${figures.networkErrors} sends cut, ${figures.unavailable} × 503; then a rebuild from the log`,
      invalidInputs: 0,
      lost: effects.lost + effects.reactionsMissing,
      duplicated: effects.doubled + effects.reactionsDoubled,
      notes: `${effects.drift.length} balances drifted; c360 audit verify exit ${audit.code}`,
    });

    expect(figures.unexpected.slice(0, 5)).toEqual([]);
    expect(figures.acknowledged.length).toBeGreaterThan(200);
    expect(platform.starts).toBe(KILLS + 2);
    expect(effects).toMatchObject({ lost: 0, doubled: 0, reactionsMissing: 0, reactionsDoubled: 0, strangers: 0, drift: [] });
    expect({ code: audit.code, output: audit.code === 0 ? '' : audit.output }).toEqual({ code: 0, output: '' });
  }, 300_000);
});
