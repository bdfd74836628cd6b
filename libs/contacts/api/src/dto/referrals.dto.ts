import { IsOptional, IsString, IsUUID, Matches } from 'class-validator';

/** Exactly one of the referrer's id or its referral code. */
export class SetReferrerDto {
  @IsOptional() @IsUUID() referrerId?: string;
  @IsOptional() @IsString() @Matches(/^[0-9A-Za-z-]{4,20}$/, { message: 'referralCode must be a referral code' }) referralCode?: string;
}
