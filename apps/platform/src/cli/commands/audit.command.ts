import {
  csvLine,
  CSV_COLUMNS,
  customerAsOf,
  exportCustomerHistory,
  parseAsOfPoint,
  selectProjections,
  traceCorrelation,
  verifyReadModels,
  type DocumentDifference,
} from '@c360/replay';
import { parseChainAnchor, type ChainAnchor, type SqliteEventStore } from '@c360/store-sqlite';
import type { Command } from 'commander';
import { openScratchStore } from '@c360/store-sqlite';
import { embeddedEventStore } from '../cli-stores';
import { InvalidOptionValue, type CommandKit } from './command-kit';

const ISO_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?)?$/;

function isoTime(option: string) {
  return (value: string): string => {
    if (!ISO_TIME.test(value) || Number.isNaN(new Date(value).getTime())) {
      throw new InvalidOptionValue(`${option} must be an ISO time such as 2026-03-01T10:00:00Z (got "${value}")`);
    }
    return new Date(value).toISOString();
  };
}

function asOfPoint(value: string) {
  try {
    return parseAsOfPoint(value);
  } catch (error) {
    throw new InvalidOptionValue(`--at ${(error as Error).message}`);
  }
}

/** `--anchor` may be given many times: each is parsed as it comes, a malformed one named. */
function collectAnchor(value: string, anchors: ChainAnchor[]): ChainAnchor[] {
  try {
    return [...anchors, parseChainAnchor(value)];
  } catch (error) {
    throw new InvalidOptionValue(`--anchor: ${(error as Error).message}`);
  }
}

function describe(difference: DocumentDifference): string {
  const where = `${difference.collection} ${difference.id}`;
  switch (difference.kind) {
    case 'missing':
      return `${where}: recomputed from the log but not stored`;
    case 'unexpected':
      return `${where}: stored but the log does not produce it`;
    case 'changed':
      return `${where}: fields differ: ${(difference.fields ?? []).join(', ')}`;
  }
}

/** The embedded event store, which keeps the hash chain; any other store is reported (the caller fails). */
async function chainKeeper(kit: CommandKit, output: ReturnType<CommandKit['output']>): Promise<SqliteEventStore | undefined> {
  const stores = await kit.stores();
  const store = embeddedEventStore(stores);
  if (!store)
    output.result({ ok: false, error: 'the hash chain is kept by the embedded event store; this one is ' + stores.config.eventStore.kind });
  return store;
}

export function auditCommand(program: Command, kit: CommandKit): Command {
  const audit = program.command('audit').description('Auditors: past views, exports, traces and verification of the log and read models');

  audit
    .command('as-of')
    .description("the customer's 360 view exactly as it was at a time or log position")
    .requiredOption('--customer <id>', 'customer id')
    .requiredOption('--at <time|position>', 'an ISO time, or a global log position', asOfPoint)
    .option(
      '--with-population',
      "also rank the customer among everyone as they were then (RFM): folds the whole log, not only the customer's streams",
    )
    .action(async (options: { customer: string; at: ReturnType<typeof parseAsOfPoint>; withPopulation?: boolean }) => {
      const stores = await kit.stores();
      const scratch = openScratchStore('memory');
      const bar = kit.output().progress('folding');
      try {
        const view = await customerAsOf({
          contexts: kit.contexts,
          stores,
          scratch,
          customerId: options.customer,
          at: options.at,
          population: options.withPopulation === true,
          progress: bar.update,
        });
        bar.stop();
        kit.output().result(view);
      } finally {
        bar.stop();
        await scratch.close();
      }
    });

  audit
    .command('export')
    .description("the customer's complete event history with actor, correlation and causation")
    .requiredOption('--customer <id>', 'customer id')
    .option('--from <time>', 'first occurredAt (ISO, inclusive)', isoTime('--from'))
    .option('--to <time>', 'last occurredAt (ISO, inclusive)', isoTime('--to'))
    .option(
      '--format <format>',
      'jsonl or csv',
      (value) => {
        if (value !== 'jsonl' && value !== 'csv') throw new InvalidOptionValue(`--format must be jsonl or csv (got "${value}")`);
        return value;
      },
      'jsonl',
    )
    .action(async (options: { customer: string; from?: string; to?: string; format: 'jsonl' | 'csv' }) => {
      const stores = await kit.stores();
      const output = kit.output();
      const bar = output.progress('exporting');
      if (options.format === 'csv') output.line(CSV_COLUMNS.join(','));
      for await (const record of exportCustomerHistory(stores, {
        customerId: options.customer,
        from: options.from,
        to: options.to,
        progress: bar.update,
      })) {
        output.line(options.format === 'csv' ? csvLine(record) : JSON.stringify(record));
      }
      bar.stop();
    });

  audit
    .command('trace')
    .description('everything one request caused, across contexts, in log order')
    .requiredOption('--correlation <id>', 'correlation id (from an event, a log line or a response)')
    .action(async (options: { correlation: string }) => {
      const stores = await kit.stores();
      const output = kit.output();
      const bar = output.progress('tracing');
      let found = 0;
      for await (const record of traceCorrelation(stores.events, options.correlation, bar.update)) {
        found += 1;
        output.line(
          output.json
            ? JSON.stringify(record)
            : `${record.position}  ${record.occurredAt}  ${record.type}  ${record.streamId}  caused by ${record.causationId ?? '-'}  (${record.actorRole ?? '-'}:${record.actorId ?? '-'})`,
        );
      }
      bar.stop();
      if (found === 0 && !output.json) process.stderr.write(`no event carries correlation ${options.correlation}\n`);
    });

  audit
    .command('verify')
    .description('recompute every read model from the log and compare with the stored documents; exit 1 on any drift')
    .option('--projection <name>', 'only this projection (default: all)', 'all')
    .action(async (options: { projection: string }) => {
      const stores = await kit.stores();
      const output = kit.output();
      const projections = selectProjections(kit.contexts, options.projection);
      const scratch = openScratchStore('file');
      const bar = output.progress('recomputing');
      const differences: DocumentDifference[] = [];
      try {
        const report = await verifyReadModels({
          stores,
          projections,
          scratch,
          progress: bar.update,
          report: (difference) => {
            if (output.json) differences.push(difference);
            else output.line(describe(difference));
          },
        });
        bar.stop();
        output.result({ ...report, ok: report.differences === 0, ...(output.json ? { drift: differences } : {}) }, () =>
          report.differences === 0
            ? `ok: ${report.projections} projections match the log (${report.events} events folded)`
            : `DRIFT: ${report.differences} documents differ from the log`,
        );
        if (report.differences > 0) kit.fail();
      } finally {
        bar.stop();
        await scratch.close();
      }
    });

  audit
    .command('anchor')
    .description("print the chain's head (<position>:<hash>) to keep outside this machine; verify-log --anchor checks it later")
    .action(async () => {
      const output = kit.output();
      const store = await chainKeeper(kit, output);
      if (!store) return kit.fail();
      const head = store.chainHead();
      output.result(
        { ok: true, anchor: head ? `${head.position}:${head.hash}` : null, position: head?.position ?? null, hash: head?.hash ?? null },
        () => (head ? `${head.position}:${head.hash}` : 'the log is empty: nothing to anchor'),
      );
    });

  audit
    .command('verify-log')
    .description(
      'check the hash chain of the embedded log: names an altered, removed or reordered event, and with --anchor events cut off the end or a log rewritten; exit 1 when broken',
    )
    .option('--anchor <position:hash>', 'an anchor printed earlier by `audit anchor` (repeatable)', collectAnchor, [] as ChainAnchor[])
    .action(async (options: { anchor: ChainAnchor[] }) => {
      const output = kit.output();
      const store = await chainKeeper(kit, output);
      if (!store) return kit.fail();
      const bar = output.progress('verifying');
      const report = store.verifyChain({ progress: bar.update, anchors: options.anchor });
      bar.stop();
      output.result({ ...report, ok: report.breaks.length === 0 }, () =>
        report.breaks.length === 0
          ? `ok: the hash chain holds over ${report.events} events (head ${report.head ?? '-'})${options.anchor.length ? `, and ${options.anchor.length} anchor(s) match` : ''}`
          : ['BROKEN:', ...report.breaks.map((entry) => `  ${entry.kind}: ${entry.message}`)].join('\n'),
      );
      if (report.breaks.length > 0) kit.fail();
    });

  return audit;
}
