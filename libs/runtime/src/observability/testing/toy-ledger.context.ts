import { Roles } from '../../auth/access.decorators';
import { ACCESS } from '../../auth/roles';
import { CommandHandler, streamName, type CommandContext, type DocumentProjection, type DocumentStore } from '@c360/kernel';
import { toyAccount, type ToyEvent } from '@c360/kernel/testing';
import { Body, Controller, Get, Inject, Logger, Param, Post } from '@nestjs/common';
import { IsInt, IsString } from 'class-validator';
import { defineContext } from '../../context/context-definition';
import { ContextModule } from '../../context/context.module';
import { RequestCommandContext } from '../../http/command-context.decorator';
import { DOCUMENT_STORE } from '../../infrastructure/tokens';

/** A spec fixture: the kernel's toy account as a context with a route per command and one projection. */

interface BalanceDocument {
  readonly balance: number;
}

const balances: DocumentProjection<BalanceDocument, ToyEvent> = {
  name: 'toy-balances',
  version: 1,
  handles: ['toy.opened', 'toy.deposited', 'toy.withdrawn'],
  documentIds: (event) => [event.streamId],
  evolve(doc, event) {
    if (event.type === 'toy.opened') return { balance: 0 };
    const delta = event.type === 'toy.deposited' ? event.data.amount : -event.data.amount;
    return { balance: (doc?.balance ?? 0) + delta };
  },
};

class OpenDto {
  @IsString() owner!: string;
}
class AmountDto {
  @IsInt() amount!: number;
}

// Spec routes declare their roles like every route (the role table, ADR 0011).
@Roles(...ACCESS.work)
@Controller('toy-accounts')
class ToyAccountsController {
  private readonly logger = new Logger('ToyAccounts');

  constructor(
    private readonly commands: CommandHandler,
    @Inject(DOCUMENT_STORE) private readonly documents: DocumentStore,
  ) {}

  @Post(':id')
  async open(@Param('id') id: string, @Body() body: OpenDto, @RequestCommandContext() context: CommandContext) {
    // A Nest Logger call inside a request: its line must carry the request's correlation id.
    this.logger.log('opening a toy account');
    const result = await this.commands.handle(toyAccount, streamName('toy', 'account', id), { type: 'open', owner: body.owner }, context);
    return { version: result.revision };
  }

  @Post(':id/deposits')
  async deposit(@Param('id') id: string, @Body() body: AmountDto, @RequestCommandContext() context: CommandContext) {
    const result = await this.commands.handle(
      toyAccount,
      streamName('toy', 'account', id),
      { type: 'deposit', amount: body.amount },
      context,
    );
    return { version: result.revision };
  }

  @Post(':id/withdrawals')
  async withdraw(@Param('id') id: string, @Body() body: AmountDto, @RequestCommandContext() context: CommandContext) {
    const result = await this.commands.handle(
      toyAccount,
      streamName('toy', 'account', id),
      { type: 'withdraw', amount: body.amount },
      context,
    );
    return { version: result.revision };
  }

  @Get(':id')
  async balance(@Param('id') id: string) {
    return this.documents.get<BalanceDocument>('toy-balances_v1', streamName('toy', 'account', id));
  }
}

export const toyLedgerContext = defineContext({
  name: 'toys',
  description: 'Toy accounts for the observability specs',
  aggregates: [toyAccount],
  projections: [balances],
  controllers: [ToyAccountsController],
});

export const ToyLedgerModule = ContextModule.register(toyLedgerContext);
