import { ApiProperty, type SchemaObject } from '@nestjs/swagger';
import {
  AGGREGATES,
  CATEGORY_CODE_PATTERN,
  CRITERION_CODE_PATTERN,
  EDITION_CODE_PATTERN,
  isDateTime,
  NATIONAL_SCOPES,
  NOMINEE_KINDS,
  PANEL_NORMALIZATIONS,
  PANEL_ROUND_PATTERN,
  PROVINCE_CODE_PATTERN,
  TIERS,
  ZONE_CODE_PATTERN,
  type Assert,
  type Category,
  type Criterion,
  type EditionDefinition,
  type EligibilityRule,
  type Mirrors,
  type Rubric,
  type Scale,
  type ValueSource,
  type Zone,
} from '@paritrana/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMinSize,
  buildMessage,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsObject,
  IsPositive,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateBy,
  ValidateIf,
  ValidateNested,
  type ValidationOptions,
} from 'class-validator';

/*
 * The shapes of @paritrana/contracts' EditionDefinitionSchema (the payload of
 * paritrana.edition.defined.v1), as the HTTP boundary. The patterns, enums and date format come
 * from the contract; the types are checked against it below, and edition-definition.dto.spec.ts
 * runs both over the same definitions.
 */

/** May be left out, but not sent as null: the schema has no null, and a null would travel on the event. */
const OptionalNotNull = () => ValidateIf((_, value) => value !== undefined);

/** RFC 3339 with a time zone, exactly the schema's `date-time`. */
const IsDateTime = (options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isDateTime',
      validator: {
        validate: (value) => isDateTime(value),
        defaultMessage: buildMessage((each) => `${each}$property must be a valid ISO 8601 date string`, options),
      },
    },
    options,
  );

/*
 * The unions of the contract (a criterion's value source and scale, an eligibility rule) in
 * OpenAPI 3.0 terms, which has no tuples or pattern-keyed records.
 */
const closedObject = (properties: Record<string, SchemaObject>): SchemaObject => ({
  type: 'object',
  properties,
  required: Object.keys(properties),
  additionalProperties: false,
});
const indicatorPair: SchemaObject = { type: 'array', items: { type: 'string' }, minItems: 2, maxItems: 2 };
const subScore: SchemaObject = { type: 'number', minimum: 0, maximum: 100 };

const VALUE_SOURCE: SchemaObject[] = [
  closedObject({ indicator: { type: 'string', description: 'A dotted indicator path, e.g. regulation.level' } }),
  closedObject({ ratio: { ...indicatorPair, description: 'part / whole' } }),
  closedObject({ growth: { ...indicatorPair, description: '(current - previous) / previous' } }),
  closedObject({ panel: { type: 'string', pattern: PANEL_ROUND_PATTERN, description: 'The assessment round scoring it' } }),
];

const SCALE: SchemaObject[] = [
  closedObject({ linear: closedObject({ min: { type: 'number' }, max: { type: 'number' } }) }),
  closedObject({
    steps: { type: 'array', minItems: 1, items: closedObject({ gte: { type: 'number' }, score: subScore }) },
  }),
  closedObject({ map: { type: 'object', minProperties: 1, additionalProperties: subScore } }),
];

const ELIGIBILITY_RULE: SchemaObject = {
  oneOf: [
    { type: 'object', properties: { indicator: { type: 'string' }, equals: {} }, required: ['indicator', 'equals'] },
    {
      type: 'object',
      properties: { indicator: { type: 'string' }, includesAll: { type: 'array', items: {} } },
      required: ['indicator', 'includesAll'],
    },
  ],
};

export class SubmissionWindowDto {
  @ApiProperty({ example: '2025-01-01T00:00:00Z' })
  @IsDateTime()
  submissionsOpen!: string;

  @ApiProperty({ example: '2025-06-30T23:59:59Z' })
  @IsDateTime()
  submissionsClose!: string;
}

export class ScheduleDto {
  @ApiProperty({ type: SubmissionWindowDto })
  @IsObject()
  @ValidateNested()
  @Type(() => SubmissionWindowDto)
  provincial!: SubmissionWindowDto;

  @ApiProperty({ type: SubmissionWindowDto, required: false })
  @OptionalNotNull()
  @IsObject()
  @ValidateNested()
  @Type(() => SubmissionWindowDto)
  national?: SubmissionWindowDto;
}

export class ZoneDto implements Zone {
  @ApiProperty({ example: 'sumatera' })
  @IsString()
  @Matches(new RegExp(ZONE_CODE_PATTERN), { message: 'code must be lower-case letters, digits or dashes' })
  code!: string;

  @ApiProperty({ example: 'Zona Sumatera' })
  @IsString()
  @IsNotEmpty()
  name!: string;

  @ApiProperty({ example: ['11', '12', '13'] })
  @IsArray()
  @ArrayMinSize(1)
  @Matches(new RegExp(PROVINCE_CODE_PATTERN), { each: true, message: 'each province must be a two-digit code' })
  provinces!: string[];
}

export class CriterionDto implements Criterion {
  @ApiProperty({ example: 'coverage_pu' })
  @Matches(new RegExp(CRITERION_CODE_PATTERN), { message: 'code must be snake_case, at most 40 characters' })
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
    oneOf: VALUE_SOURCE,
    example: { ratio: ['participants.wageEarners', 'workforce.wageEarners'] },
    description: 'indicator, ratio, growth or panel',
  })
  @IsObject()
  value!: ValueSource;

  @ApiProperty({ oneOf: SCALE, example: { linear: { min: 0, max: 1 } }, description: 'linear, steps or map' })
  @IsObject()
  scale!: Scale;

  @ApiProperty({ required: false, enum: AGGREGATES })
  @OptionalNotNull()
  @IsIn(AGGREGATES)
  aggregate?: (typeof AGGREGATES)[number];
}

export class RubricDto implements Rubric {
  @ApiProperty({ type: 'integer', example: 1 })
  @IsInt()
  @Min(1)
  version!: number;

  @ApiProperty({ type: 'integer', example: 1 })
  @IsInt()
  @Min(0)
  @Max(50)
  minAssessors!: number;

  @ApiProperty({ type: 'array', items: ELIGIBILITY_RULE, example: [], description: '{ indicator, equals } or { indicator, includesAll }' })
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
  @OptionalNotNull()
  @IsObject()
  @ValidateNested()
  @Type(() => RubricDto)
  provincial?: RubricDto;

  @ApiProperty({ type: RubricDto, required: false })
  @OptionalNotNull()
  @IsObject()
  @ValidateNested()
  @Type(() => RubricDto)
  national?: RubricDto;
}

export class CategoryDto implements Category {
  @ApiProperty({ example: 'regency' })
  @Matches(new RegExp(CATEGORY_CODE_PATTERN), { message: 'code must be lower-case letters, digits or dashes' })
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

  @ApiProperty({ type: 'integer', example: 3 })
  @IsInt()
  @Min(1)
  @Max(10)
  winners!: number;

  @ApiProperty({ type: 'integer', example: 1 })
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

export class EditionDefinitionDto implements EditionDefinition {
  @ApiProperty({ example: '2024' })
  @Matches(new RegExp(EDITION_CODE_PATTERN), { message: 'code must be 1-20 letters, digits or dashes' })
  code!: string;

  @ApiProperty({ example: 'Paritrana Award 2024' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiProperty({ type: 'integer', example: 2023 })
  @IsInt()
  @Min(2000)
  @Max(2100)
  assessmentYear!: number;

  @ApiProperty({ type: 'integer', example: 2024 })
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
  @OptionalNotNull()
  @IsIn(PANEL_NORMALIZATIONS)
  panelNormalization?: (typeof PANEL_NORMALIZATIONS)[number];
}

/** Fails to compile when a DTO and the edition contract drift apart (a field added, removed or retyped on one side). */
export type EditionDtosMirrorTheContract = [
  Assert<Mirrors<EditionDefinitionDto, EditionDefinition>>,
  Assert<Mirrors<ScheduleDto, EditionDefinition['schedule']>>,
  Assert<Mirrors<SubmissionWindowDto, EditionDefinition['schedule']['provincial']>>,
  Assert<Mirrors<ZoneDto, Zone>>,
  Assert<Mirrors<CategoryDto, Category>>,
  Assert<Mirrors<RubricsDto, Category['rubrics']>>,
  Assert<Mirrors<RubricDto, Rubric>>,
  Assert<Mirrors<CriterionDto, Criterion>>,
];
