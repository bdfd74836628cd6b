import { projectionCatalog, projectionStatus, rebuildProjection, selectProjections, type RebuildResult } from '@c360/replay';
import { hasCollectionSwitchOver } from '@c360/kernel';
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
    .option(
      '--platform-stopped',
      'the read models are MongoDB and no platform process runs their projectors (otherwise: POST /admin/projections/<name>/rebuild)',
    )
    .action(async (name: string, options: { platformStopped?: boolean }) => {
      const stores = await kit.stores();
      const output = kit.output();
      const entries = selectProjections(kit.contexts, name);
      const documents = stores.documents;
      if (!hasCollectionSwitchOver(documents))
        throw new Error(`the ${stores.config.readModels.kind} read models cannot switch a rebuilt collection in`);
      if (!documents.switchOverIsAtomic && !options.platformStopped) {
        // A rename then a checkpoint write: a projector running in the platform meanwhile could write into the old collection.
        throw new Error(
          `the ${stores.config.readModels.kind} read models switch over in two steps, which a running projector could interleave with: ` +
            `ask the platform to rebuild (POST /admin/projections/${name}/rebuild, admin role: it pauses the projector for the switch), ` +
            'or stop the platform and pass --platform-stopped',
        );
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
