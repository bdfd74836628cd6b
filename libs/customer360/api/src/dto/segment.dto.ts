import { SEGMENT_RULE_FIELDS, type SegmentRule } from '@c360/customer360-domain';
import { Type } from 'class-transformer';
import { IsArray, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min, registerDecorator } from 'class-validator';
import { IsCursor } from './timeline.dto';

const CODE = /^[A-Za-z0-9._:-]{1,64}$/;
const isCode = (value: unknown) => typeof value === 'string' && CODE.test(value);
const isCount = (value: unknown) => value === undefined || (Number.isSafeInteger(value) && (value as number) >= 0);

/** The shape of one rule (its meaning — ranges, lists — is the segment decider's to check). */
function ruleProblem(rule: unknown): string | null {
  if (rule === null || typeof rule !== 'object') return 'must be an object';
  const { field, ...rest } = rule as Record<string, unknown>;
  if (!SEGMENT_RULE_FIELDS.includes(field as SegmentRule['field'])) return `field must be one of ${SEGMENT_RULE_FIELDS.join(', ')}`;
  const keys = Object.keys(rest).sort().join(',');
  switch (field) {
    case 'tier':
    case 'rfmSegment':
    case 'npsCategory':
      return keys === 'in' && Array.isArray(rest.in) && rest.in.every(isCode) ? null : 'needs "in": a list of codes';
    case 'lifetimeValue':
      return isCode(rest.currency) &&
        /^[A-Z]{3}$/.test(String(rest.currency)) &&
        isCount(rest.gte) &&
        isCount(rest.lte) &&
        ['currency', 'currency,gte', 'currency,gte,lte', 'currency,lte'].includes(keys)
        ? null
        : 'needs "currency" (ISO-4217) and gte/lte in minor units';
    case 'purchases':
    case 'daysSinceLastPurchase':
      return isCount(rest.gte) && isCount(rest.lte) && ['gte', 'gte,lte', 'lte'].includes(keys)
        ? null
        : 'needs gte and/or lte, whole numbers';
    case 'consent':
      return keys === 'channel,purpose' && isCode(rest.channel) && isCode(rest.purpose) ? null : 'needs "channel" and "purpose"';
  }
  return 'unknown rule';
}

const AreSegmentRules = (): PropertyDecorator => (target, propertyName) =>
  registerDecorator({
    name: 'areSegmentRules',
    target: target.constructor,
    propertyName: String(propertyName),
    options: {
      message: (args) => {
        const rules = Array.isArray(args.value) ? (args.value as unknown[]) : [];
        const index = rules.findIndex((rule) => ruleProblem(rule) !== null);
        return index < 0 ? '$property must be a list of rules' : `$property.${index} ${ruleProblem(rules[index])}`;
      },
    },
    validator: {
      validate: (value: unknown) => Array.isArray(value) && value.length > 0 && value.every((rule) => ruleProblem(rule) === null),
    },
  });

export class DefineSegmentDto {
  @IsString() @Length(1, 100) name!: string;
  @IsArray() @AreSegmentRules() rules!: SegmentRule[];
}

export class ChangeSegmentDto {
  @IsOptional() @IsString() @Length(1, 100) name?: string;
  @IsOptional() @IsArray() @AreSegmentRules() rules?: SegmentRule[];
}

export class SegmentParams {
  @IsUUID() segmentId!: string;
}

export class SegmentPageQuery {
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1_000) limit?: number;
  @IsOptional() @IsCursor() after?: string;
}
