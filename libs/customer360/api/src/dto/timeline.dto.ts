import { decodeCursor } from '@c360/kernel';
import { Transform, Type } from 'class-transformer';
import { IsArray, IsISO8601, IsInt, IsOptional, Matches, Max, Min, registerDecorator } from 'class-validator';

const KIND = /^[a-z][a-z0-9-]{0,39}$/;

/** A cursor returned by a previous page (checked here so a bad one is a 400 naming `after`). */
export const IsCursor = (): PropertyDecorator => (target, propertyName) =>
  registerDecorator({
    name: 'isCursor',
    target: target.constructor,
    propertyName: String(propertyName),
    options: { message: '$property must be the nextCursor of a previous page' },
    validator: {
      validate(value: unknown) {
        if (typeof value !== 'string') return false;
        try {
          decodeCursor(value);
          return true;
        } catch {
          return false;
        }
      },
    },
  });

/** `GET /customers/:id/timeline?kind=purchase,points&from=&to=&after=&limit=` */
export class TimelineQueryDto {
  /** One kind or a comma-separated list. */
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.split(',').filter(Boolean) : value))
  @IsArray()
  @Matches(KIND, { each: true, message: 'kind must be lower-case kind codes (purchase, points, deal), comma-separated' })
  kind?: string[];

  @IsOptional() @IsISO8601({ strict: true }) from?: string;
  @IsOptional() @IsISO8601({ strict: true }) to?: string;
  @IsOptional() @IsCursor() after?: string;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
}
