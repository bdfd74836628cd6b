import { UnknownProjectionError, type Contexts } from '@c360/replay';
import type { ServiceModules } from '@c360/runtime';
import { Command, CommanderError } from 'commander';
import { openCliStores, type CliStores } from './cli-stores';
import { EXIT, UsageError } from './cli-errors';
import { auditCommand } from './commands/audit.command';
import type { CommandKit } from './commands/command-kit';
import { eventsCommand } from './commands/events.command';
import { privacyCommand } from './commands/privacy.command';
import { projectionsCommand } from './commands/projections.command';
import { createOutput, type Output } from './output';

export interface CliDefinition {
  readonly contexts: Contexts;
  readonly modules: () => ServiceModules;
  readonly env?: NodeJS.ProcessEnv;
}

/**
 * Runs one `c360` command line and answers its exit code: 0 done, 1 a check found a problem (or the work
 * failed), 2 bad usage (with the command's help on stderr). Nothing here exits the process itself.
 */
export async function runCli(argv: readonly string[], definition: CliDefinition): Promise<number> {
  let stores: CliStores | undefined;
  let output: Output | undefined;
  let failed = false;
  const program = new Command('c360')
    .description('Customer 360 replay and audit tooling (reads the stores the platform is configured with)')
    .option('--json', 'machine-readable output (JSON or JSON lines); no progress bars')
    .option('--data-dir <dir>', 'the data directory (default: C360_DATA_DIR, or ./data)')
    .showHelpAfterError()
    .exitOverride();
  const env = () => {
    const dataDir = program.opts<{ dataDir?: string }>().dataDir;
    return { ...(definition.env ?? process.env), ...(dataDir ? { C360_DATA_DIR: dataDir } : {}) };
  };
  const kit: CommandKit = {
    contexts: definition.contexts,
    env,
    stores: async () => (stores ??= await openCliStores(definition.contexts, env())),
    output: () => (output ??= createOutput(program.opts<{ json?: boolean }>().json === true)),
    fail: () => {
      failed = true;
    },
  };
  projectionsCommand(program, kit);
  auditCommand(program, kit);
  privacyCommand(program, kit, definition.modules);
  eventsCommand(program, kit);
  for (const command of [program, ...program.commands, ...program.commands.flatMap((command) => command.commands)]) {
    command.exitOverride().showHelpAfterError();
  }
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return failed ? EXIT.failed : EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are not failures; everything else commander refuses is bad usage.
      return error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help'
        ? EXIT.ok
        : EXIT.usage;
    }
    if (error instanceof UsageError || error instanceof UnknownProjectionError) {
      process.stderr.write(`error: ${error.message}\n`);
      return EXIT.usage;
    }
    process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT.failed;
  } finally {
    await stores?.close();
  }
}
