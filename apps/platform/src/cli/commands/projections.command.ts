import { projectionCatalog, projectionStatus, rebuildProjection, selectProjections, type RebuildResult } from '@c360/replay';
import { SqliteDocumentStore } from '@c360/store-sqlite';
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

  projections
    .command('rebuild')
    .description('rebuild into a collection beside the live one, then switch over when caught up (the platform keeps serving)')
    .argument('<name>', 'a projection name, or all')
    .action(async (name: string) => {
      const stores = await kit.stores();
      const output = kit.output();
      const entries = selectProjections(kit.contexts, name);
      const documents = stores.documents;
      if (!(documents instanceof SqliteDocumentStore)) {
        throw new Error(`switch-over is implemented for the embedded read models; READ_MODEL_STORE is ${stores.config.readModels.kind}`);
      }
      const results: RebuildResult[] = [];
      for (const entry of entries) {
        const bar = output.progress(entry.collection);
        results.push(
          await rebuildProjection({
            events: stores.events,
            keys: stores.keys,
            documents,
            checkpoints: stores.checkpoints,
            entry,
            switchOver: (request) => documents.swapCollection(request),
            progress: bar.update,
          }),
        );
        bar.stop();
      }
      output.result(results, () => table(results, ['collection', 'position', 'events', 'attempts']));
    });

  return projections;
}
