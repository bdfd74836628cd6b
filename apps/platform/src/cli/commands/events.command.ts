import { auditRecord } from '@c360/replay';
import type { EventEnvelope } from '@c360/kernel';
import type { Command } from 'commander';
import { positiveInteger, type CommandKit } from './command-kit';

/** One event per line: JSON with --json, otherwise `position time stream#revision type actor`. */
function render(event: EventEnvelope, json: boolean): string {
  const record = auditRecord(event);
  if (json) return JSON.stringify(record);
  return `${record.position}  ${record.occurredAt}  ${record.streamId}#${record.revision}  ${record.type}  ${record.actorRole ?? '-'}:${record.actorId ?? '-'}`;
}

export function eventsCommand(program: Command, kit: CommandKit): Command {
  const events = program.command('events').description('The log, for operators (read-only; personal data stays sealed)');

  events
    .command('stream')
    .description("one stream's events in revision order")
    .argument('<streamId>', 'the stream, e.g. contacts-customer-<id>')
    .option('--from <revision>', 'first revision', (value) => Number(value))
    .action(async (streamId: string, options: { from?: number }) => {
      const stores = await kit.stores();
      const output = kit.output();
      const found = await stores.events.readStream(streamId, { fromRevision: options.from });
      for (const event of found) output.line(render(event, output.json));
      if (found.length === 0 && !output.json) process.stderr.write(`stream ${streamId} has no events\n`);
    });

  events
    .command('tail')
    .description('the last events of the log; with --follow, new ones as they are appended (Ctrl-C stops)')
    .option('--last <n>', 'how many of the latest events to show first', positiveInteger('--last'), 20)
    .option('--follow', 'keep printing events as they are appended')
    .option('--poll <ms>', 'how often to look for events from other processes when following', positiveInteger('--poll'), 500)
    .action(async (options: { last: number; follow?: boolean; poll: number }) => {
      const stores = await kit.stores();
      const output = kit.output();
      const head = (await stores.events.headPosition()) ?? 0;
      const after = Math.max(0, head - options.last);
      const first = await stores.events.readAll({ after, maxCount: options.last });
      for (const event of first.events) output.line(render(event, output.json));
      if (!options.follow) return;
      const subscription = stores.events.subscribeToAll({ after: head, pollIntervalMs: options.poll });
      const stop = () => void subscription.close();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      for await (const slice of subscription) for (const event of slice.events) output.line(render(event, output.json));
    });

  return events;
}
