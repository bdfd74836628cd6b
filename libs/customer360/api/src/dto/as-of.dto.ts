import { parseAsOfPoint } from '@c360/customer360-application';
import { ParsesWith } from '@c360/runtime';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';

/** `GET /customers/:id/as-of?at=2026-03-01T10:00:00Z|1234&withPopulation=true` */
export class AsOfQueryDto {
  /** A log position or an ISO time, by the rule `c360 audit as-of --at` uses. */
  @ParsesWith('isAsOfPoint', '$property must be a log position (an integer) or an ISO time (2026-03-01T10:00:00Z)', parseAsOfPoint)
  at!: string;

  /** Also rank the customer among everyone as they were then (RFM): folds the whole log. */
  @IsOptional()
  @Transform(({ value }) => (value === 'false' ? false : value === 'true' ? true : value))
  @IsBoolean()
  withPopulation?: boolean;
}
