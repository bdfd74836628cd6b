import { applyHeapGrowth, loadConfig } from '@c360/runtime';
import { runAppendBench } from './append.bench';
import { jsonOutput, runScenario } from './bench-util';
import { runCommandsBench } from './commands.bench';
import { runErasureBench } from './erasure.bench';
import { runGatewayBench } from './gateway.bench';
import { runHttpBench } from './http.bench';
import { runPeerBench } from './peer.bench';
import { runProjectionsBench } from './projections.bench';
import { runRelayBench } from './relay.bench';
import { runReplayBench } from './replay.bench';

/**
 * `npm run bench` runs every benchmark; `npm run bench -- append` runs one; flags are `--name=value`
 * (`npm run bench -- http --url=http://127.0.0.1:3000 --seconds=60`). Each scenario is printed between
 * a header (durability, machine) and a footer (peak RSS, data size, time) by `runScenario`; `--json`
 * writes one JSON object per scenario to stdout (`npm run -s bench -- peer --json > peer.json`) and the
 * human-readable lines to stderr. Benchmarks print figures; they are programs, not tests, and never fail CI.
 */
const benches: Record<string, { readonly durability: string; readonly run: () => Promise<boolean> }> = {
  append: { durability: 'full (fsync per group commit)', run: runAppendBench },
  commands: { durability: 'normal (CPU cost, no fsync)', run: runCommandsBench },
  erasure: { durability: 'read models: adapter default, secure_delete on', run: runErasureBench },
  relay: { durability: 'event store normal; Kafka acks=all', run: runRelayBench },
  http: { durability: 'service: events full, read models normal', run: runHttpBench },
  projections: { durability: 'normal (event store and read models)', run: runProjectionsBench },
  gateway: { durability: 'platform: events normal (--durability=full), read models normal', run: runGatewayBench },
  replay: { durability: 'normal (event store and read models)', run: runReplayBench },
  peer: { durability: 'ours full and normal; Emmett in-memory none; Emmett-sqlite its defaults', run: runPeerBench },
};

async function main() {
  // Machines read stdout: everything the scenarios print goes to stderr instead.
  if (jsonOutput) console.log = (...args: unknown[]) => console.error(...args);
  const wanted = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
  const unknown = wanted.filter((name) => !benches[name]);
  if (unknown.length) {
    console.error(`Unknown benchmark(s): ${unknown.join(', ')}. Available: ${Object.keys(benches).join(', ')}`);
    process.exit(2);
  }
  // The platform's heap policy (ADR 0031), so that the scenarios running its code in this process measure its memory.
  const heapGrowth = loadConfig().heapGrowthPercent;
  applyHeapGrowth(heapGrowth);
  console.log(
    `Customer 360 benchmarks — node ${process.version}, ${new Date().toISOString()}, V8 heap growth ${heapGrowth ? `${heapGrowth} %` : "V8's own"} (C360_HEAP_GROWTH_PERCENT)`,
  );
  for (const name of wanted.length ? wanted : Object.keys(benches)) await runScenario(name, benches[name].durability, benches[name].run);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
