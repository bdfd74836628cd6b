import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ProcessorThread } from './processor-thread';

/**
 * A stand-in for the platform's entry point, in plain JavaScript: it answers as the processor thread
 * does (ready with an admin URL, a clean exit on stop), and dies with code 3 on its first start when
 * asked to, so that the restart can be seen.
 */
const STAND_IN = `
const { parentPort, workerData } = require('node:worker_threads');
const { existsSync, writeFileSync, appendFileSync } = require('node:fs');
const [marker, mode] = process.argv.slice(2);
appendFileSync(marker + '.starts', process.env.C360_ROLE + ' ' + process.env.PORT + ' ' + JSON.stringify(workerData) + '\\n');
if (mode === 'die-once' && !existsSync(marker)) { writeFileSync(marker, 'died'); process.exit(3); }
parentPort.on('message', (message) => { if (message.type === 'stop') { appendFileSync(marker + '.stops', 'stop\\n'); process.exit(0); } });
parentPort.postMessage({ type: 'ready', adminUrl: 'http://127.0.0.1:1234' });
setInterval(() => undefined, 1000);
`;

describe('ProcessorThread', () => {
  let dir: string;
  let script: string;
  const errors: string[] = [];
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'c360-thread-'));
    script = join(dir, 'stand-in.js');
    writeFileSync(script, STAND_IN);
    errors.length = 0;
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const thread = (mode: string) =>
    new ProcessorThread({
      error: (message) => errors.push(message),
      restartDelayMs: { first: 20, max: 40 },
      entry: { filename: script, argv: [join(dir, 'marker'), mode] },
    });
  const read = (file: string) => readFileSync(join(dir, file), 'utf8');

  it('starts the entry again as the processors role, with no port of its own, and stops it cleanly', async () => {
    const processors = thread('run');
    await processors.start();
    expect(processors.state).toBe('running');
    expect(processors.adminUrl).toBe('http://127.0.0.1:1234');
    expect(read('marker.starts')).toBe('processors 0 {"c360ProcessorThread":true}\n');
    await processors.stop();
    expect(processors.state).toBe('stopped');
    expect(processors.adminUrl).toBeUndefined();
    expect(read('marker.stops')).toBe('stop\n');
    expect(errors).toEqual([]);
  });

  it('starts a thread that died again, and says so', async () => {
    const processors = thread('die-once');
    await processors.start(); // resolves on the first exit too: the main thread serves meanwhile
    for (let attempt = 0; attempt < 200 && processors.state !== 'running'; attempt++) await new Promise((r) => setTimeout(r, 10));
    expect(processors.state).toBe('running');
    expect(processors.restartCount).toBe(1);
    expect(errors).toEqual([expect.stringContaining('processor thread exited (code 3); starting it again in 20 ms (restart 1)')]);
    expect(read('marker.starts').trim().split('\n')).toHaveLength(2);
    await processors.stop();
  });

  it('does not start a thread it was asked to stop', async () => {
    const processors = thread('die-once');
    const started = processors.start();
    await started;
    await processors.stop();
    await new Promise((r) => setTimeout(r, 80)); // past the restart delay
    expect(processors.state).toBe('stopped');
    expect(read('marker.starts').trim().split('\n')).toHaveLength(1);
  });
});
