import type { CommandContext } from '@c360/kernel';
import { Command, Query } from '@nestjs/cqrs';

/**
 * A use case's command as REST controllers, GraphQL resolvers, the CLI and workflows send it through
 * the CommandBus: the input, and the context that makes it idempotent and traceable. A workflow
 * decides a command without a context; the runtime attaches the one derived from the event.
 */
export abstract class ContextCommand<TResult> extends Command<TResult> {
  constructor(readonly context?: CommandContext) {
    super();
  }
}

/** A use case's query through the QueryBus. */
export abstract class ContextQuery<TResult> extends Query<TResult> {}

/** The command with its context attached (the class is kept: the bus routes by it). */
export function withContext<TCommand extends ContextCommand<unknown>>(command: TCommand, context: CommandContext): TCommand {
  return Object.assign(Object.create(Object.getPrototypeOf(command) as object) as TCommand, command, { context });
}

/** The context a handler runs a command with; a command sent without one is a programming error. */
export function contextOf(command: ContextCommand<unknown>): CommandContext {
  if (!command.context) throw new Error(`${command.constructor.name} was sent without a command context`);
  return command.context;
}

/**
 * The CQRS handler decorators under names that do not clash with the kernel's `CommandHandler` (the
 * generic read → decide → append path every use-case handler calls underneath).
 */
export { CommandHandler as HandlesCommand, QueryHandler as HandlesQuery, CommandBus, QueryBus } from '@nestjs/cqrs';
export type { ICommandHandler, IQueryHandler } from '@nestjs/cqrs';
