import { IsUUID } from 'class-validator';

export class MergeDto {
  /** The duplicate to merge into the customer of the path (the survivor). */
  @IsUUID() absorbedId!: string;
}

export class MergeParams {
  @IsUUID() id!: string;
  @IsUUID() mergeId!: string;
}
