import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, Matches } from 'class-validator';

/** `GET /customers/:id/as-of?at=2026-03-01T10:00:00Z|1234&withPopulation=true` */
export class AsOfQueryDto {
  @Matches(/^(\d+|\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?)$/, {
    message: 'at must be a log position (an integer) or an ISO time (2026-03-01T10:00:00Z)',
  })
  at!: string;

  /** Also rank the customer among everyone as they were then (RFM): folds the whole log. */
  @IsOptional()
  @Transform(({ value }) => (value === 'false' ? false : value === 'true' ? true : value))
  @IsBoolean()
  withPopulation?: boolean;
}
