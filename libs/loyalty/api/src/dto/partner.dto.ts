import { IsInt, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';

const REFERENCE = /^[A-Za-z0-9._:/@-]{1,128}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export class RegisterPartnerDto {
  @IsString() @Length(1, 200) name!: string;
}

export class PartnerParams {
  @IsUUID() partnerId!: string;
}

export class PartnerPointsDto {
  @IsUUID() customerId!: string;
  @IsInt() @Min(1) @Max(10_000_000) points!: number;
  @IsString()
  @Matches(REFERENCE, { message: 'reference must be 1-128 letters, digits or ._:/@- (your transaction id)' })
  reference!: string;
}

export class PartnerCancellationDto {
  @IsUUID() customerId!: string;
}

export class PartnerRedemptionParams {
  @IsUUID() redemptionId!: string;
}

export class MemberParams {
  @IsUUID() customerId!: string;
}

export class PeriodQuery {
  @Matches(DAY, { message: 'from must be a day (YYYY-MM-DD)' }) from!: string;
  @Matches(DAY, { message: 'to must be a day (YYYY-MM-DD)' }) to!: string;
}
