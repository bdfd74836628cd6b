import { IsISO8601, IsOptional, Matches } from 'class-validator';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const MONTH_MESSAGE = '$property must be a month YYYY-MM';

export class MonthPeriodQuery {
  @IsOptional() @Matches(MONTH, { message: MONTH_MESSAGE }) from?: string;
  @IsOptional() @Matches(MONTH, { message: MONTH_MESSAGE }) to?: string;
}

export class ValueReportQuery {
  @IsOptional() @Matches(/^[A-Z]{3}$/, { message: '$property must be an ISO-4217 code such as NOK' }) currency?: string;
}

export class InstantPeriodQuery {
  @IsOptional() @IsISO8601({ strict: true }) from?: string;
  @IsOptional() @IsISO8601({ strict: true }) to?: string;
}
