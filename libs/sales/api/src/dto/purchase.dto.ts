import { REFUND_KINDS, SALES_CHANNELS, type RefundKind, type SalesChannel } from '@c360/sales-domain';
import { NestedList } from '@c360/runtime';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
} from 'class-validator';
import { CURRENCY, CURRENCY_MESSAGE, IDENTIFIER, IDENTIFIER_MESSAGE, MAX_AMOUNT } from './common.dto';

export class PurchaseParams {
  @IsUUID() purchaseId!: string;
}

export class OrderParams {
  @IsIn(SALES_CHANNELS) channel!: SalesChannel;
  @Matches(IDENTIFIER, { message: IDENTIFIER_MESSAGE }) orderId!: string;
}

export class PurchaseLineDto {
  @IsString() @Matches(IDENTIFIER, { message: IDENTIFIER_MESSAGE }) sku!: string;
  @IsString() @Matches(IDENTIFIER, { message: IDENTIFIER_MESSAGE }) category!: string;
  @IsInt() @Min(1) @Max(1_000_000) quantity!: number;
  @IsInt() @Min(0) @Max(MAX_AMOUNT) unitPrice!: number;
}

export class RecordPurchaseDto {
  /** The channel's own order id: recording it twice has one effect. */
  @IsString() @Matches(IDENTIFIER, { message: IDENTIFIER_MESSAGE }) orderId!: string;
  @IsIn(SALES_CHANNELS) channel!: SalesChannel;
  @IsUUID() customerId!: string;
  @IsOptional() @IsUUID() dealId?: string;
  @ArrayMinSize(1) @ArrayMaxSize(500) @NestedList(() => PurchaseLineDto) lines!: PurchaseLineDto[];
  @IsInt() @Min(0) @Max(MAX_AMOUNT) total!: number;
  @IsString() @Matches(CURRENCY, { message: CURRENCY_MESSAGE }) currency!: string;
  @IsOptional() @IsISO8601({ strict: true }) purchasedAt?: string;
  @IsOptional() @IsString() @Matches(IDENTIFIER, { message: IDENTIFIER_MESSAGE }) paymentFingerprint?: string;
  @IsOptional() @IsString() @Matches(IDENTIFIER, { message: IDENTIFIER_MESSAGE }) deviceId?: string;
}

export class RefundLineDto {
  @IsString() @Matches(IDENTIFIER, { message: IDENTIFIER_MESSAGE }) sku!: string;
  @IsInt() @Min(1) @Max(1_000_000) quantity!: number;
  /** Omitted: quantity × the line's unit price. */
  @IsOptional() @IsInt() @Min(0) @Max(MAX_AMOUNT) amount?: number;
}

export class RefundDto {
  /** The refund's id in the sending system; omitted: derived from the idempotency key. */
  @IsOptional() @IsString() @Matches(IDENTIFIER, { message: IDENTIFIER_MESSAGE }) refundId?: string;
  @IsIn(REFUND_KINDS) kind!: RefundKind;
  @IsString() @Length(1, 500) reason!: string;
  @IsOptional() @IsInt() @Min(1) @Max(MAX_AMOUNT) amount?: number;
  @IsOptional() @ArrayMaxSize(500) @NestedList(() => RefundLineDto) lines?: RefundLineDto[];
}
