import { runAppendBench } from './append.bench';
import { runHttpBench } from './http.bench';
import { runCommandsBench } from './commands.bench';
import { runErasureBench } from './erasure.bench';
import { runProjectionsBench } from './projections.bench';
import { runRelayBench } from './relay.bench';

/**
 * `npm run bench` runs every benchmark; `npm run bench -- append` runs one; flags are `--name=value`
 * (`npm run bench -- http --url=http://127.0.0.1:3000 --seconds=60`). Benchmarks print figures
 * (with their durability settings); they are programs, not tests, and never fail CI.
 */
const benches: Record<string, () => Promise<boolean>> = {
  append: runAppendBench,
  commands: runCommandsBench,
  erasure: runErasureBench,
  relay: runRelayBench,
  http: runHttpBench,
  projections: runProjectionsBench,
};

async function main() {
  const wanted = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
  const unknown = wanted.filter((name) => !benches[name]);
  if (unknown.length) {
    console.error(`Unknown benchmark(s): ${unknown.join(', ')}. Available: ${Object.keys(benches).join(', ')}`);
    process.exit(2);
  }
  console.log(`Customer 360 benchmarks — node ${process.version}, ${new Date().toISOString()}`);
  for (const name of wanted.length ? wanted : Object.keys(benches)) await benches[name]();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
