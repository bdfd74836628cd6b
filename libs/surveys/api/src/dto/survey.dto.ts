import { IsCursor, NestedList } from '@c360/runtime';
import { MAX_CAMPAIGN_AUDIENCE, QUESTION_TYPES, SURVEY_CHANNELS, SURVEY_KINDS, SURVEY_PURPOSES } from '@c360/surveys-domain';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
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
  ValidateBy,
  ValidateIf,
  type ValidationOptions,
} from 'class-validator';

const SLUG = /^[a-z][a-z0-9-]{0,62}$/;
const SLUG_MESSAGE = '$property must be a slug: lower-case letters, digits and "-", at most 63';
const LANGUAGE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
const LANGUAGE_MESSAGE = '$property must be a language tag such as "en" or "nb-NO"';

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** `{ "en": "…", "nb": "…" }`: language tags to non-empty text of at most `max` characters. */
const IsLocalised = (max: number, options?: ValidationOptions): PropertyDecorator =>
  ValidateBy(
    {
      name: 'isLocalised',
      validator: {
        validate: (value: unknown) =>
          isRecord(value) &&
          Object.keys(value).length > 0 &&
          Object.entries(value).every(
            ([language, text]) => LANGUAGE.test(language) && typeof text === 'string' && text.length > 0 && text.length <= max,
          ),
        defaultMessage: () => `$property must map language tags to text of 1–${max} characters`,
      },
    },
    options,
  );

/** `{ "en": { "subject": "…", "body": "… {link} …" } }`. */
const IsMessages = (options?: ValidationOptions): PropertyDecorator =>
  ValidateBy(
    {
      name: 'isMessages',
      validator: {
        validate: (value: unknown) =>
          isRecord(value) &&
          Object.keys(value).length > 0 &&
          Object.entries(value).every(
            ([language, message]) =>
              LANGUAGE.test(language) &&
              isRecord(message) &&
              typeof message.subject === 'string' &&
              message.subject.length > 0 &&
              message.subject.length <= 200 &&
              typeof message.body === 'string' &&
              message.body.length > 0 &&
              message.body.length <= 5_000,
          ),
        defaultMessage: () => '$property must map language tags to { subject (1–200), body (1–5000) }',
      },
    },
    options,
  );

/** A scale answer (a whole number) or a choice or text answer (a string). */
const IsAnswerValue = (options?: ValidationOptions): PropertyDecorator =>
  ValidateBy(
    {
      name: 'isAnswerValue',
      validator: {
        validate: (value: unknown) =>
          (typeof value === 'number' && Number.isInteger(value)) ||
          (typeof value === 'string' && value.length > 0 && value.length <= 5_000),
        defaultMessage: () => '$property must be a whole number or text of 1–5000 characters',
      },
    },
    options,
  );

export class SurveyQuestionDto {
  @Matches(SLUG, { message: SLUG_MESSAGE }) questionId!: string;
  @IsIn(QUESTION_TYPES) type!: (typeof QUESTION_TYPES)[number];
  @IsLocalised(500) prompt!: Record<string, string>;
  @IsBoolean() required!: boolean;
  @IsOptional() @IsInt() @Min(-100) @Max(100) min?: number;
  @IsOptional() @IsInt() @Min(-100) @Max(100) max?: number;
  @IsOptional() @IsArray() @ArrayMinSize(2) @ArrayMaxSize(20) @Matches(SLUG, { each: true, message: SLUG_MESSAGE }) options?: string[];
}

export class ReviseSurveyTemplateDto {
  @IsString() @Length(1, 200) name!: string;
  @NestedList(() => SurveyQuestionDto) @ArrayMinSize(1) @ArrayMaxSize(50) questions!: SurveyQuestionDto[];
  @IsMessages() messages!: Record<string, { subject: string; body: string }>;
  @Matches(LANGUAGE, { message: LANGUAGE_MESSAGE }) defaultLanguage!: string;
  /** This survey's fatigue: days since the customer's last invitation (0 = none); absent = the platform default. */
  @IsOptional() @IsInt() @Min(0) @Max(3650) recontactDays?: number;
}

export class DefineSurveyTemplateDto extends ReviseSurveyTemplateDto {
  @Matches(SLUG, { message: SLUG_MESSAGE }) templateId!: string;
  @IsIn(SURVEY_KINDS) kind!: (typeof SURVEY_KINDS)[number];
}

export class SurveyTemplateParams {
  @Matches(SLUG, { message: SLUG_MESSAGE }) templateId!: string;
}

export class SendSurveyDto {
  @IsUUID() customerId!: string;
  @Matches(SLUG, { message: SLUG_MESSAGE }) templateId!: string;
  @IsIn(SURVEY_CHANNELS) channel!: (typeof SURVEY_CHANNELS)[number];
  @IsIn(SURVEY_PURPOSES) purpose!: (typeof SURVEY_PURPOSES)[number];
}

export class SurveyCampaignDto {
  @IsString() @Length(1, 200) name!: string;
  @Matches(SLUG, { message: SLUG_MESSAGE }) templateId!: string;
  @IsIn(SURVEY_CHANNELS) channel!: (typeof SURVEY_CHANNELS)[number];
  @IsIn(SURVEY_PURPOSES) purpose!: (typeof SURVEY_PURPOSES)[number];
  /** A list of customers… */
  @ValidateIf((body: SurveyCampaignDto) => body.segmentId === undefined || body.customerIds !== undefined)
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_CAMPAIGN_AUDIENCE)
  @IsUUID('all', { each: true })
  customerIds?: string[];
  /** …or a customer 360 segment, whose members are read at launch: one of the two. */
  @IsOptional()
  @IsUUID()
  @ValidateBy({
    name: 'notWithCustomerIds',
    validator: {
      validate: (_value: unknown, args) => (args?.object as SurveyCampaignDto).customerIds === undefined,
      defaultMessage: () => 'segmentId and customerIds cannot both be given: a campaign goes to a list or to a segment',
    },
  })
  segmentId?: string;
  @IsOptional() @IsInt() @Min(0) @Max(3650) recontactDays?: number;
}

export class SurveyCampaignParams {
  @IsUUID() campaignId!: string;
}

export class SurveyInvitationParams {
  @IsUUID() invitationId!: string;
}

export class SurveyCustomerParams {
  @IsUUID() customerId!: string;
}

/** A compact JWS (three base64url parts); anything else is refused before it is verified. */
const TOKEN = /^[A-Za-z0-9_-]{10,500}\.[A-Za-z0-9_-]{10,1500}\.[A-Za-z0-9_-]{10,200}$/;
const TOKEN_MESSAGE = '$property is not an invitation link';

/** The link's query (`…/surveys/respond?token=…`): a query, so the token never appears in the route logged. */
export class SurveyTokenQuery {
  @Matches(TOKEN, { message: TOKEN_MESSAGE }) token!: string;
}

export class SurveyResponseDto {
  @Matches(SLUG, { message: SLUG_MESSAGE }) questionId!: string;
  @IsAnswerValue() value!: string | number;
}

/** NPS and CSAT: `score` and an optional `comment`; a custom survey: `responses`. */
export class SurveyAnswerDto {
  @Matches(TOKEN, { message: TOKEN_MESSAGE }) token!: string;
  @IsOptional() @IsInt() @Min(0) @Max(10) score?: number;
  @IsOptional() @IsString() @Length(1, 5_000) comment?: string;
  @IsOptional() @NestedList(() => SurveyResponseDto) @ArrayMaxSize(50) responses?: SurveyResponseDto[];
}

export class SurveysPageQuery {
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
  @IsOptional() @IsString() @IsCursor() after?: string;
}

export class SurveyOutboxQuery extends SurveysPageQuery {
  @IsOptional() @IsUUID() customerId?: string;
}

export class SurveyRangeQuery {
  @IsOptional() @IsISO8601({ strict: true }) from?: string;
  @IsOptional() @IsISO8601({ strict: true }) to?: string;
}

export class NpsReportQuery extends SurveyRangeQuery {
  @IsOptional() @IsIn(['week', 'month', 'quarter']) period?: 'week' | 'month' | 'quarter';
  /** Only the answers of a customer 360 segment's current members. */
  @IsOptional() @IsUUID() segmentId?: string;
}
