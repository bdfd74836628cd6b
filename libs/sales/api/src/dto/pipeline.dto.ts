import { NestedList } from '@c360/runtime';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateIf,
} from 'class-validator';
import { IsPipelineRef, STAGE_MESSAGE, STAGE_SLUG } from './common.dto';

export class PipelineParams {
  @IsPipelineRef() pipelineId!: string;
}

export class StageParams extends PipelineParams {
  @Matches(STAGE_SLUG, { message: STAGE_MESSAGE }) stageId!: string;
}

export class StageDto {
  @IsString() @Matches(STAGE_SLUG, { message: STAGE_MESSAGE }) stageId!: string;
  @IsString() @Length(1, 60) name!: string;
  @IsInt() @Min(0) @Max(100) probability!: number;
  @IsIn(['open', 'won', 'lost']) kind!: 'open' | 'won' | 'lost';
}

export class DefinePipelineDto {
  @IsString() @Length(1, 100) name!: string;
  @ArrayMinSize(3) @ArrayMaxSize(22) @NestedList(() => StageDto) stages!: StageDto[];
}

export class RenamePipelineDto {
  @IsString() @Length(1, 100) name!: string;
}

export class AddStageDto {
  @IsString() @Matches(STAGE_SLUG, { message: STAGE_MESSAGE }) stageId!: string;
  @IsString() @Length(1, 60) name!: string;
  @IsInt() @Min(0) @Max(100) probability!: number;
  /** The stage to insert after; null puts it first; omitted puts it last among open stages. */
  @IsOptional()
  @ValidateIf((dto: AddStageDto) => dto.afterStageId !== null)
  @IsString()
  @Matches(STAGE_SLUG, { message: STAGE_MESSAGE })
  afterStageId?: string | null;
}

export class ChangeStageDto {
  @IsOptional() @IsString() @Length(1, 60) name?: string;
  @IsOptional() @IsInt() @Min(0) @Max(100) probability?: number;
}

export class ReorderStagesDto {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Matches(STAGE_SLUG, { each: true, message: STAGE_MESSAGE })
  stageIds!: string[];
}

export class BoardQuery {
  /** An ISO-8601 instant: the board as it stood then (folded from the event log). */
  @IsOptional() @IsISO8601({ strict: true }) asOf?: string;
}
