import { ApiProperty } from '@nestjs/swagger';
import { EDITION_CODE_PATTERN } from '@paritrana/contracts';
import { IsBoolean, IsObject, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';

export class RecordAssessmentDto {
  @ApiProperty({ format: 'uuid', example: '6f1c2a7e-3b7d-4f0e-9a51-0c2d7d1e9b44' })
  @IsUUID('all', { message: 'nominationId must be a UUID' })
  nominationId!: string;

  @ApiProperty({ example: 'interview', description: 'An assessment round named by the rubric’s panel criteria' })
  @Matches(/^[a-z][a-z0-9_-]{0,39}$/, { message: 'round must name an assessment round, e.g. interview' })
  round!: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'number' },
    example: { interview: 85 },
    description: 'Score per panel criterion of this round, within the criterion’s scale',
  })
  @IsObject()
  scores!: Record<string, number>;

  @ApiProperty({ required: false, default: false, description: 'A declared conflict excludes this assessor’s scores for this nomination' })
  @IsOptional()
  @IsBoolean()
  conflictOfInterest?: boolean;

  @ApiProperty({ required: false, example: 'Bupati hadir langsung; paparan inovasi kuat.' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  comment?: string;
}

export class EditionQuery {
  @ApiProperty({ example: '2024' })
  @Matches(new RegExp(EDITION_CODE_PATTERN), { message: 'edition must be an edition code, e.g. 2024' })
  edition!: string;
}

export class NominationAssessmentsQueryDto {
  @ApiProperty({ format: 'uuid', example: '6f1c2a7e-3b7d-4f0e-9a51-0c2d7d1e9b44' })
  @IsUUID('all', { message: 'nominationId must be a UUID' })
  nominationId!: string;
}

export const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
