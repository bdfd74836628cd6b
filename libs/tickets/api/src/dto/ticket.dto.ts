import { decodeCursor } from '@c360/kernel';
import { SLUG, TICKET_CHANNELS, TICKET_PRIORITIES } from '@c360/tickets-domain';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  registerDecorator,
  type ValidationOptions,
} from 'class-validator';

export const IDENTIFIER = /^[A-Za-z0-9._:/@-]{1,128}$/;
export const IDENTIFIER_MESSAGE = '$property must be 1-128 letters, digits or ._:/@- (an identifier, not free text)';
const SLUG_MESSAGE = '$property must be a slug: lower-case letters, digits and "-", at most 40';

function custom(name: string, message: string, test: (value: unknown) => boolean, options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message, ...options },
      validator: { validate: test },
    });
}

/** A cursor returned by a previous page (checked here so a bad one is a 400 naming `after`). */
export const IsCursor = () =>
  custom('isCursor', '$property must be the nextCursor of a previous page', (v) => {
    if (typeof v !== 'string') return false;
    try {
      decodeCursor(v);
      return true;
    } catch {
      return false;
    }
  });

export class TicketsPageQuery {
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
  @IsOptional() @IsString() @IsCursor() after?: string;
}

export class TicketParams {
  @IsUUID() ticketId!: string;
}

export class CustomerParams {
  @IsUUID() customerId!: string;
}

export class AgentParams {
  @Matches(IDENTIFIER, { message: IDENTIFIER_MESSAGE }) agentId!: string;
}

export class TeamParams {
  @Matches(IDENTIFIER, { message: IDENTIFIER_MESSAGE }) teamId!: string;
}

export class OpenTicketDto {
  @IsUUID() customerId!: string;
  @IsIn(TICKET_CHANNELS.filter((channel) => channel !== 'survey')) channel!: 'email' | 'phone' | 'chat' | 'portal' | 'web-form';
  @IsString() @Length(1, 200) subject!: string;
  @IsString() @Length(1, 20_000) description!: string;
  @IsIn(TICKET_PRIORITIES) priority!: (typeof TICKET_PRIORITIES)[number];
  @IsOptional() @Matches(SLUG, { message: SLUG_MESSAGE }) category?: string | null;
}

export class FollowUpTicketDto {
  @IsUUID() customerId!: string;
  @Matches(IDENTIFIER, { message: IDENTIFIER_MESSAGE }) surveyResponseId!: string;
  @IsInt() @Min(0) @Max(10) score!: number;
  @IsOptional() @IsString() @Length(1, 20_000) comment?: string;
}

export class AssignTicketDto {
  @IsOptional() @Matches(IDENTIFIER, { message: IDENTIFIER_MESSAGE }) agentId?: string | null;
  @IsOptional() @Matches(IDENTIFIER, { message: IDENTIFIER_MESSAGE }) teamId?: string | null;
}

export class ReplyDto {
  @IsString() @Length(1, 20_000) body!: string;
  /** Default agent; `customer` records what the customer wrote (an email, the portal). */
  @IsOptional() @IsIn(['agent', 'customer']) author?: 'agent' | 'customer';
}

export class NoteDto {
  @IsString() @Length(1, 20_000) body!: string;
}

export class StatusDto {
  @IsIn(['open', 'pending-customer', 'pending-close']) status!: 'open' | 'pending-customer' | 'pending-close';
}

export class ResolveDto {
  @IsOptional() @IsString() @Length(1, 5_000) resolution?: string;
}

export class ReopenDto {
  @IsString() @Length(1, 1_000) reason!: string;
}

export class PriorityDto {
  @IsOptional() @IsIn(TICKET_PRIORITIES) priority?: (typeof TICKET_PRIORITIES)[number];
  @IsOptional() @Matches(SLUG, { message: SLUG_MESSAGE }) category?: string | null;
}

export class MergeTicketDto {
  @IsUUID() intoTicketId!: string;
}

export class PolicyParams {
  @Matches(SLUG, { message: SLUG_MESSAGE }) policyId!: string;
}

export class SlaPolicyDto {
  @IsString() @Length(1, 200) name!: string;
  @IsIn(TICKET_PRIORITIES) priority!: (typeof TICKET_PRIORITIES)[number];
  @IsOptional() @Matches(SLUG, { message: SLUG_MESSAGE }) category?: string | null;
  @Matches(SLUG, { message: SLUG_MESSAGE }) calendarId!: string;
  @IsInt() @Min(1) @Max(525_600) firstResponseMinutes!: number;
  @IsOptional() @IsInt() @Min(1) @Max(525_600) nextUpdateMinutes?: number | null;
  @IsInt() @Min(1) @Max(525_600) resolutionMinutes!: number;
  @IsInt() @Min(0) @Max(525_600) warnBeforeMinutes!: number;
}
