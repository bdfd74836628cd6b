import { projectionCatalog, projectionStatus, rebuildProjections, selectProjections } from '@c360/replay';
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
      // Every projection named is folded in one pass of the log, then switched over one by one.
      const bar = output.progress(entries.length === 1 ? entries[0].collection : `${entries.length} projections`);
      const outcomes = await rebuildProjections({
        events: stores.events,
        keys: stores.keys,
        documents,
        checkpoints: stores.checkpoints,
        entries,
        switchOver: (_entry, request) => documents.swapCollection(request),
        progress: bar.update,
      });
      bar.stop();
      const rows = outcomes.map(
        ({ entry, result, error }) =>
          result ?? { collection: entry.collection, position: null, events: null, attempts: null, error: error.message },
      );
      for (const { error, entry } of outcomes) if (error) process.stderr.write(`error: ${entry.collection}: ${error.message}\n`);
      if (outcomes.some((outcome) => outcome.error)) kit.fail();
      output.result(rows, () => table(rows, ['collection', 'position', 'events', 'attempts']));
    });

  return projections;
}
