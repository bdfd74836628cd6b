import type { CommandContext } from '@c360/kernel';
import { GetPurchase, RecordPurchase, RefundPurchase } from '@c360/sales-application';
import { purchaseIdFor } from '@c360/sales-domain';
import { ACCESS, CommandBus, QueryBus, RequestCommandContext, Roles } from '@c360/runtime';
import { Body, Controller, Get, HttpStatus, Param, Post, Res } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { OrderParams, PurchaseParams, RecordPurchaseDto, RefundDto } from '../dto/purchase.dto';
import { purchaseView } from './sales-responses';

@Controller('purchases')
export class PurchasesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  /**
   * 201 when the order is new; 200 with `duplicate: true` and the first result when this channel's
   * order id was recorded before with the same contents; 409 `sales.order-already-recorded` when it
   * was recorded with different contents.
   */
  @Roles(...ACCESS.feed)
  @ApiOperation({ summary: 'Record a purchase (idempotent per channel and order id)' })
  @Post()
  async record(
    @Body() body: RecordPurchaseDto,
    @RequestCommandContext() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const result = await this.commands.execute(new RecordPurchase(body, context));
    if (result.alreadyRecorded) void reply.status(HttpStatus.OK);
    return {
      purchaseId: result.purchaseId,
      version: result.revision,
      duplicate: result.alreadyRecorded,
      purchase: purchaseView(result.state),
    };
  }

  /** The purchase with its refunds (read model). */
  @Roles(...ACCESS.read)
  @ApiOperation({ summary: 'A purchase with its refunds' })
  @Get(':purchaseId')
  get(@Param() params: PurchaseParams) {
    return this.queries.execute(new GetPurchase(params.purchaseId));
  }

  @Roles(...ACCESS.read)
  @ApiOperation({ summary: 'A purchase by channel and order id' })
  @Get('by-order/:channel/:orderId')
  byOrder(@Param() params: OrderParams) {
    return this.queries.execute(new GetPurchase(purchaseIdFor(params.channel, params.orderId)));
  }

  @Roles(...ACCESS.feed)
  @ApiOperation({ summary: 'Refund (part of) a purchase' })
  @Post(':purchaseId/refunds')
  async refund(@Param() params: PurchaseParams, @Body() body: RefundDto, @RequestCommandContext() context: CommandContext) {
    const result = await this.commands.execute(new RefundPurchase(params.purchaseId, body, context));
    return {
      purchaseId: params.purchaseId,
      refundId: result.refundId,
      version: result.revision,
      duplicate: !result.changed,
      purchase: purchaseView(result.state),
    };
  }
}
