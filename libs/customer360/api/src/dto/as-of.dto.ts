import { parseAsOfPoint } from '@c360/customer360-application';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, registerDecorator } from 'class-validator';

/** A log position or an ISO time, by the same rule `c360 audit as-of --at` uses (parseAsOfPoint). */
const IsAsOfPoint = (): PropertyDecorator => (target, propertyName) =>
  registerDecorator({
    name: 'isAsOfPoint',
    target: target.constructor,
    propertyName: String(propertyName),
    options: { message: '$property must be a log position (an integer) or an ISO time (2026-03-01T10:00:00Z)' },
    validator: {
      validate(value: unknown) {
        if (typeof value !== 'string') return false;
        try {
          parseAsOfPoint(value);
          return true;
        } catch {
          return false;
        }
      },
    },
  });

/** `GET /customers/:id/as-of?at=2026-03-01T10:00:00Z|1234&withPopulation=true` */
export class AsOfQueryDto {
  @IsAsOfPoint() at!: string;

  /** Also rank the customer among everyone as they were then (RFM): folds the whole log. */
  @IsOptional()
  @Transform(({ value }) => (value === 'false' ? false : value === 'true' ? true : value))
  @IsBoolean()
  withPopulation?: boolean;
}
