import { ApiProperty } from '@nestjs/swagger';
import {
  NATIONAL_SCOPES,
  NOMINEE_KINDS,
  PANEL_NORMALIZATIONS,
  TIERS,
  type EligibilityRule,
  type Scale,
  type ValueSource,
} from '@paritrana/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMinSize,
  IsArray,
  IsDateString,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsObject,
  IsOptional,
  IsPositive,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

export class SubmissionWindowDto {
  @ApiProperty({ example: '2025-01-01T00:00:00Z' })
  @IsDateString({ strict: true })
  submissionsOpen!: string;

  @ApiProperty({ example: '2025-06-30T23:59:59Z' })
  @IsDateString({ strict: true })
  submissionsClose!: string;
}

export class ScheduleDto {
  @ApiProperty({ type: SubmissionWindowDto })
  @IsObject()
  @ValidateNested()
  @Type(() => SubmissionWindowDto)
  provincial!: SubmissionWindowDto;

  @ApiProperty({ type: SubmissionWindowDto, required: false })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => SubmissionWindowDto)
  national?: SubmissionWindowDto;
}

export class ZoneDto {
  @ApiProperty({ example: 'sumatera' })
  @IsString()
  @Matches(/^[a-z0-9-]{1,40}$/, { message: 'code must be lower-case letters, digits or dashes' })
  code!: string;

  @ApiProperty({ example: 'Zona Sumatera' })
  @IsString()
  @IsNotEmpty()
  name!: string;

  @ApiProperty({ example: ['11', '12', '13'] })
  @IsArray()
  @ArrayMinSize(1)
  @Matches(/^\d{2}$/, { each: true, message: 'each province must be a two-digit code' })
  provinces!: string[];
}

export class CriterionDto {
  @ApiProperty({ example: 'coverage_pu' })
  @Matches(/^[a-z][a-z0-9_]{0,39}$/, { message: 'code must be snake_case, at most 40 characters' })
  code!: string;

  @ApiProperty({ example: 'Coverage PU' })
  @IsString()
  @IsNotEmpty()
  name!: string;

  @ApiProperty({ example: 25, description: 'Relative weight; totals are weighted means, so weights need not sum to 100' })
  @IsNumber()
  @IsPositive({ message: 'weight must be positive' })
  weight!: number;

  @ApiProperty({
    example: { ratio: ['participants.wageEarners', 'workforce.wageEarners'] },
    description: 'indicator, ratio, growth or panel',
  })
  @IsObject()
  value!: ValueSource;

  @ApiProperty({ example: { linear: { min: 0, max: 1 } }, description: 'linear, steps or map' })
  @IsObject()
  scale!: Scale;

  @ApiProperty({ required: false, enum: ['mean', 'median'] })
  @IsOptional()
  @IsIn(['mean', 'median'])
  aggregate?: 'mean' | 'median';
}

export class RubricDto {
  @ApiProperty({ example: 1 })
  @IsInt()
  @Min(1)
  version!: number;

  @ApiProperty({ example: 1 })
  @IsInt()
  @Min(0)
  @Max(50)
  minAssessors!: number;

  @ApiProperty({ example: [], description: '{ indicator, equals } or { indicator, includesAll }' })
  @IsArray()
  @IsObject({ each: true })
  eligibility!: EligibilityRule[];

  @ApiProperty({ type: [CriterionDto] })
  @IsArray()
  @ArrayMinSize(1)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => CriterionDto)
  criteria!: CriterionDto[];

  @ApiProperty({ example: ['coverage_pu'] })
  @IsArray()
  @IsString({ each: true })
  tieBreak!: string[];
}

export class RubricsDto {
  @ApiProperty({ type: RubricDto, required: false })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => RubricDto)
  provincial?: RubricDto;

  @ApiProperty({ type: RubricDto, required: false })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => RubricDto)
  national?: RubricDto;
}

export class CategoryDto {
  @ApiProperty({ example: 'regency' })
  @Matches(/^[a-z][a-z0-9-]{0,39}$/, { message: 'code must be lower-case letters, digits or dashes' })
  code!: string;

  @ApiProperty({ example: 'Pemerintah Kabupaten/Kota' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiProperty({ enum: NOMINEE_KINDS })
  @IsIn(NOMINEE_KINDS)
  nomineeKind!: (typeof NOMINEE_KINDS)[number];

  @ApiProperty({ enum: TIERS, isArray: true, example: ['provincial', 'national'] })
  @IsArray()
  @ArrayMinSize(1)
  @IsIn(TIERS, { each: true })
  tiers!: (typeof TIERS)[number][];

  @ApiProperty({ example: 3 })
  @IsInt()
  @Min(1)
  @Max(10)
  winners!: number;

  @ApiProperty({ example: 1 })
  @IsInt()
  @Min(0)
  advance!: number;

  @ApiProperty({ enum: NATIONAL_SCOPES })
  @IsIn(NATIONAL_SCOPES)
  nationalScope!: (typeof NATIONAL_SCOPES)[number];

  @ApiProperty({ type: RubricsDto })
  @IsObject()
  @ValidateNested()
  @Type(() => RubricsDto)
  rubrics!: RubricsDto;
}

export class EditionDefinitionDto {
  @ApiProperty({ example: '2024' })
  @Matches(/^[A-Za-z0-9-]{1,20}$/, { message: 'code must be 1-20 letters, digits or dashes' })
  code!: string;

  @ApiProperty({ example: 'Paritrana Award 2024' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiProperty({ example: 2023 })
  @IsInt()
  @Min(2000)
  @Max(2100)
  assessmentYear!: number;

  @ApiProperty({ example: 2024 })
  @IsInt()
  @Min(2000)
  @Max(2100)
  awardYear!: number;

  @ApiProperty({ type: ScheduleDto })
  @IsObject()
  @ValidateNested()
  @Type(() => ScheduleDto)
  schedule!: ScheduleDto;

  @ApiProperty({ type: [ZoneDto] })
  @IsArray()
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => ZoneDto)
  zones!: ZoneDto[];

  @ApiProperty({ type: [CategoryDto] })
  @IsArray()
  @ArrayMinSize(1)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => CategoryDto)
  categories!: CategoryDto[];

  @ApiProperty({
    enum: PANEL_NORMALIZATIONS,
    required: false,
    default: 'none',
    description: 'zscore: standardise each assessor’s panel scores to their own mean and spread before averaging (see the README)',
  })
  @IsOptional()
  @IsIn(PANEL_NORMALIZATIONS)
  panelNormalization?: (typeof PANEL_NORMALIZATIONS)[number];
}
