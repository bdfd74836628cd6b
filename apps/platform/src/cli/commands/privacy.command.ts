import { EraseCustomer, ExportCustomer, type AccessExportStream, type ErasureResult } from '@c360/contacts-application';
import type { ActorRole, CommandContext } from '@c360/kernel';
import { ServiceModule, loadConfig, type ServiceModules } from '@c360/runtime';
import { NestFactory } from '@nestjs/core';
import { CommandBus } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { userInfo } from 'node:os';
import type { Command } from 'commander';
import type { CommandKit } from './command-kit';

/**
 * Privacy requests go through the contexts' own use cases (the same commands as the REST routes), in an
 * application context that serves no HTTP and runs no processors (`C360_ROLE=api`): the platform's
 * processors, running or started later, finish what the commands began.
 */
async function withCommandBus<T>(kit: CommandKit, modules: () => ServiceModules, work: (bus: CommandBus) => Promise<T>): Promise<T> {
  const config = { ...loadConfig(kit.env()), role: 'api' as const };
  const app = await NestFactory.createApplicationContext(ServiceModule.forRoot(config, modules()), { logger: ['error'] });
  try {
    return await work(app.get(CommandBus));
  } finally {
    await app.close();
  }
}

function operator(actor: string | undefined, role: ActorRole): CommandContext {
  const commandId = randomUUID();
  return { commandId, actor: { id: actor ?? `operator:${userInfo().username}`, role }, correlationId: commandId, causationId: commandId };
}

export function privacyCommand(program: Command, kit: CommandKit, modules: () => ServiceModules): Command {
  const privacy = program.command('privacy').description("Data subjects' rights: access export and erasure");

  privacy
    .command('export')
    .description('everything every context holds about the customer, as one JSON document (recorded as an export)')
    .requiredOption('--customer <id>', 'customer id')
    .option('--actor <id>', 'who asks (recorded on the export event); default operator:<user>')
    .action(async (options: { customer: string; actor?: string }) => {
      await withCommandBus(kit, modules, async (bus) => {
        const exported: AccessExportStream = await bus.execute(new ExportCustomer(options.customer, operator(options.actor, 'auditor')));
        for await (const chunk of exported.chunks) process.stdout.write(chunk);
        process.stdout.write('\n');
      });
    });

  privacy
    .command('erase')
    .description("right to be forgotten: deletes the customer's key and records a tombstone (the one command that writes the log)")
    .requiredOption('--customer <id>', 'customer id')
    .option('--actor <id>', 'who erases (recorded on the tombstone); default operator:<user>')
    .action(async (options: { customer: string; actor?: string }) => {
      const result: ErasureResult = await withCommandBus(kit, modules, (bus) =>
        bus.execute(new EraseCustomer(options.customer, undefined, operator(options.actor, 'supervisor'))),
      );
      kit
        .output()
        .result(
          result,
          () => `erased ${result.customerId} at ${result.erasedAt}${result.cascaded.length ? ` (with ${result.cascaded.join(', ')})` : ''}`,
        );
    });

  return privacy;
}
