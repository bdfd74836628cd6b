import { IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { CURRENCY, CURRENCY_MESSAGE, IsCalendarDate, MAX_AMOUNT, SalesPageQuery } from './common.dto';

export class ContractParams {
  @IsUUID() contractId!: string;
}

export class StartContractDto {
  @IsUUID() customerId!: string;
  @IsString() @Length(1, 200) title!: string;
  /** Value of one term, minor units. */
  @IsInt() @Min(0) @Max(MAX_AMOUNT) value!: number;
  @IsString() @Matches(CURRENCY, { message: CURRENCY_MESSAGE }) currency!: string;
  @IsCalendarDate() startDate!: string;
  @IsInt() @Min(1) @Max(120) termMonths!: number;
  /** Omitted: startDate + termMonths. */
  @IsOptional() @IsCalendarDate() renewalDate?: string;
  @IsOptional() @IsUUID() dealId?: string;
}

export class RenewContractDto {
  /** Omitted: the current renewal date + one term. */
  @IsOptional() @IsCalendarDate() renewalDate?: string;
  /** Omitted: the current value. */
  @IsOptional() @IsInt() @Min(0) @Max(MAX_AMOUNT) value?: number;
}

export class LapseContractDto {
  @IsString() @Length(1, 500) reason!: string;
}

export class RenewalsQuery extends SalesPageQuery {
  /** Earliest renewal date; omitted: overdue ones included. */
  @IsOptional() @IsCalendarDate() from?: string;
  /** Latest renewal date; omitted: 30 days from today. */
  @IsOptional() @IsCalendarDate() to?: string;
}
