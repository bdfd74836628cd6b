import type { CommandContext } from '@c360/kernel';
import { PurchaseService, SalesQueries } from '@c360/sales-application';
import { purchaseIdFor } from '@c360/sales-domain';
import { RequestCommandContext } from '@c360/runtime';
import { Body, Controller, Get, HttpStatus, Param, Post, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { OrderParams, PurchaseParams, RecordPurchaseDto, RefundDto } from '../dto/purchase.dto';
import { purchaseView } from './sales-responses';

@Controller('purchases')
export class PurchasesController {
  constructor(
    private readonly purchases: PurchaseService,
    private readonly queries: SalesQueries,
  ) {}

  /**
   * 201 when the order is new; 200 with `duplicate: true` and the first result when this channel's
   * order id was recorded before with the same contents; 409 `sales.order-already-recorded` when it
   * was recorded with different contents.
   */
  @Post()
  async record(@Body() body: RecordPurchaseDto, @RequestCommandContext() context: CommandContext, @Res({ passthrough: true }) reply: FastifyReply) {
    const result = await this.purchases.record(body, context);
    if (result.alreadyRecorded) void reply.status(HttpStatus.OK);
    return { purchaseId: result.purchaseId, version: result.revision, duplicate: result.alreadyRecorded, purchase: purchaseView(result.state) };
  }

  /** The purchase with its refunds (read model). */
  @Get(':purchaseId')
  get(@Param() params: PurchaseParams) {
    return this.queries.purchase(params.purchaseId);
  }

  @Get('by-order/:channel/:orderId')
  byOrder(@Param() params: OrderParams) {
    return this.queries.purchase(purchaseIdFor(params.channel, params.orderId));
  }

  @Post(':purchaseId/refunds')
  async refund(@Param() params: PurchaseParams, @Body() body: RefundDto, @RequestCommandContext() context: CommandContext) {
    const result = await this.purchases.refund(params.purchaseId, body, context);
    return { purchaseId: params.purchaseId, refundId: result.refundId, version: result.revision, duplicate: result.duplicate || result.events.length === 0, purchase: purchaseView(result.state) };
  }
}
