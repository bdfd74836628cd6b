import { CHANNELS, PURPOSES, type Channel, type Purpose } from '@c360/contacts-domain';
import { IsIn, IsISO8601, IsOptional, IsUUID, Matches } from 'class-validator';
import { SLUG, SLUG_MESSAGE } from './profile-parts.dto';

export class ConsentDecisionDto {
  @IsIn(CHANNELS) channel!: Channel;
  @IsIn(PURPOSES) purpose!: Purpose;
  /** Where the decision was made: `web-form`, `store:oslo-1`, `unsubscribe-link` (a code, not free text). */
  @Matches(SLUG, { message: `source ${SLUG_MESSAGE}` }) source!: string;
  /** When the customer decided (ISO-8601); default now. Never in the future. */
  @IsOptional() @IsISO8601({ strict: true }) at?: string;
}

export class ConsentParams {
  @IsUUID() id!: string;
  @IsIn(CHANNELS) channel!: Channel;
  @IsIn(PURPOSES) purpose!: Purpose;
}

export class ConsentAtQuery {
  /** The moment asked about (ISO-8601); default now. */
  @IsOptional() @IsISO8601({ strict: true }) at?: string;
}
