import { projectionCatalog, projectionStatus } from '@c360/replay';
import type { Command } from 'commander';
import { table } from '../output';
import type { CommandKit } from './command-kit';

export function projectionsCommand(program: Command, kit: CommandKit): Command {
  const projections = program.command('projections').description('Read models: versions, checkpoints, lag, rebuilds');

  projections
    .command('list')
    .description("every projection of every context, with its version, collection and checkpoint's name")
    .action(() => {
      const rows = projectionCatalog(kit.contexts).map(({ context, name, version, collection, checkpoint }) => ({
        context,
        name,
        version,
        collection,
        checkpoint,
      }));
      kit.output().result(rows, () => table(rows, ['context', 'name', 'version', 'collection', 'checkpoint']));
    });

  projections
    .command('status')
    .description('each projection: version, stored checkpoint and lag behind the head of the log')
    .action(async () => {
      const stores = await kit.stores();
      const rows = await projectionStatus(kit.contexts, { events: stores.raw, checkpoints: stores.checkpoints });
      const head = (await stores.raw.headPosition()) ?? 0;
      kit
        .output()
        .result({ head, projections: rows }, () =>
          [`head of the log: ${head}`, table(rows, ['context', 'name', 'version', 'checkpoint', 'lag', 'behind'])].join('\n'),
        );
    });

  return projections;
}
