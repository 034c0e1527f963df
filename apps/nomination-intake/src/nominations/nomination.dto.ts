import { ApiProperty, type SchemaObject } from '@nestjs/swagger';
import {
  EMPLOYER_SECTORS,
  EMPLOYER_SIZES,
  EmployerIndicatorsSchema,
  GovernmentIndicatorsSchema,
  isEmailAddress,
  NOMINEE_KINDS,
  NPP_PATTERN,
  REGION_CODE_PATTERN,
  TIERS,
  type Assert,
  type Contact,
  type Mirrors,
  type Nominee,
} from '@paritrana/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  buildMessage,
  isEmail,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateBy,
  ValidateNested,
} from 'class-validator';
import { NOMINATION_STATUSES, type NominationStatus } from './nomination.entity';

/*
 * Nominee and contact have the shapes of @paritrana/contracts' NomineeSchema and ContactSchema, as
 * they travel on the nomination events; the patterns and enums come from there, the types are
 * checked against them below, and nomination.dto.spec.ts runs both over the same nominations.
 */

/** The indicators of a government or of an employer, as the contract's schemas state them (plain JSON Schema, valid OpenAPI). */
export const INDICATORS_SCHEMA = {
  anyOf: [GovernmentIndicatorsSchema, EmployerIndicatorsSchema].map((schema): SchemaObject => JSON.parse(JSON.stringify(schema))),
  example: { workforce: { wageEarners: 61000 }, participants: { wageEarners: 40870 }, regulation: { level: 'perda' } },
  description: 'Indicators by group, those of the nominee’s kind; counts are non-negative integers and a part never exceeds its whole',
};

/** An address validator.js accepts and the event schema's `email` format too. */
const IsEmailAddress = (message: string) =>
  ValidateBy({
    name: 'isEmailAddress',
    validator: {
      validate: (value) => typeof value === 'string' && isEmail(value) && isEmailAddress(value),
      defaultMessage: buildMessage(() => message),
    },
  });

export class NomineeDto {
  @ApiProperty({ enum: NOMINEE_KINDS, example: 'regency' })
  @IsIn(NOMINEE_KINDS)
  kind!: (typeof NOMINEE_KINDS)[number];

  @ApiProperty({ example: '15.08', description: 'Official Kemendagri code; for employers, the regency they are in' })
  @Matches(new RegExp(REGION_CODE_PATTERN), { message: 'regionCode must be an official code such as 15 or 15.08' })
  regionCode!: string;

  @ApiProperty({
    required: false,
    example: 'PT Contoh Sejahtera',
    description: 'Employers only; governments are named from the official list',
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;

  @ApiProperty({ required: false, example: '12345678', description: 'BPJS TK employer number (employers)' })
  @IsOptional()
  @Matches(new RegExp(NPP_PATTERN), { message: 'npp must be 5-20 digits or capital letters' })
  npp?: string;

  @ApiProperty({ required: false, enum: EMPLOYER_SECTORS })
  @IsOptional()
  @IsIn(EMPLOYER_SECTORS)
  sector?: (typeof EMPLOYER_SECTORS)[number];

  @ApiProperty({ required: false, enum: EMPLOYER_SIZES })
  @IsOptional()
  @IsIn(EMPLOYER_SIZES)
  size?: (typeof EMPLOYER_SIZES)[number];
}

export class ContactDto implements Contact {
  @ApiProperty({ example: 'Sekretariat Daerah Kab. Bungo' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiProperty({ example: 'setda@bungokab.go.id' })
  @IsEmailAddress('email must be a valid address')
  @MaxLength(254)
  email!: string;

  @ApiProperty({
    required: false,
    example: 'kanwil.sumbagsel@bpjsketenagakerjaan.go.id',
    description: 'Copied on the congratulation email',
  })
  @IsOptional()
  @IsEmailAddress('copyTo must be a valid address')
  @MaxLength(254)
  copyTo?: string;
}

export class DocumentDto {
  @ApiProperty({ example: 'Perda Kab. Bungo No. 5 Tahun 2022' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiProperty({ example: 'https://jdih.bungokab.go.id/perda-5-2022.pdf' })
  @IsUrl({ protocols: ['https', 'http'], require_protocol: true }, { message: 'url must be an http(s) address' })
  @MaxLength(2000)
  url!: string;
}

export class SubmitNominationDto {
  @ApiProperty({ example: '2024' })
  @IsString()
  @IsNotEmpty()
  edition!: string;

  @ApiProperty({ enum: TIERS, example: 'provincial' })
  @IsIn(TIERS)
  tier!: (typeof TIERS)[number];

  @ApiProperty({ example: '15' })
  @Matches(/^\d{2}$/, { message: 'province must be a two-digit code' })
  province!: string;

  @ApiProperty({ example: 'regency' })
  @IsString()
  @IsNotEmpty()
  category!: string;

  @ApiProperty({ type: NomineeDto })
  @IsObject()
  @ValidateNested()
  @Type(() => NomineeDto)
  nominee!: NomineeDto;

  @ApiProperty({ type: ContactDto })
  @IsObject()
  @ValidateNested()
  @Type(() => ContactDto)
  contact!: ContactDto;

  @ApiProperty(INDICATORS_SCHEMA)
  @IsObject()
  indicators!: Record<string, unknown>;

  @ApiProperty({ type: [DocumentDto], required: false, description: 'Supporting documents (pemberkasan), by link' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => DocumentDto)
  documents?: DocumentDto[];
}

export class AmendNominationDto {
  @ApiProperty({ type: ContactDto, required: false })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => ContactDto)
  contact?: ContactDto;

  @ApiProperty({
    ...INDICATORS_SCHEMA,
    required: false,
    example: { participants: { wageEarners: 41200 } },
    description: 'Replaces all indicators',
  })
  @IsOptional()
  @IsObject()
  indicators?: Record<string, unknown>;

  @ApiProperty({ type: [DocumentDto], required: false, description: 'Replaces all documents' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => DocumentDto)
  documents?: DocumentDto[];
}

export class WithdrawNominationDto {
  @ApiProperty({ required: false, example: 'Dokumen pendukung tidak lengkap' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export class ListNominationsQuery {
  @ApiProperty({ required: false, example: '2024' })
  @IsOptional()
  @IsString()
  edition?: string;

  @ApiProperty({ required: false, enum: TIERS })
  @IsOptional()
  @IsIn(TIERS)
  tier?: (typeof TIERS)[number];

  @ApiProperty({ required: false, example: '15' })
  @IsOptional()
  @Matches(/^\d{2}$/, { message: 'province must be a two-digit code' })
  province?: string;

  @ApiProperty({ required: false, example: 'regency' })
  @IsOptional()
  @IsString()
  category?: string;

  @ApiProperty({ required: false, enum: NOMINATION_STATUSES })
  @IsOptional()
  @IsIn(NOMINATION_STATUSES)
  status?: NominationStatus;

  @ApiProperty({
    required: false,
    example: 'bungo',
    description: "Words of the nominee's name (any case), or the start of an employer's NPP",
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiProperty({ type: 'integer', required: false, example: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  page: number = 1;

  @ApiProperty({ type: 'integer', required: false, example: 50, default: 50, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  pageSize: number = 50;
}

/** Fails to compile when the DTOs and the event shapes drift apart; a government nominee is named by the intake, not the caller. */
export type NominationDtosMirrorTheContract = [
  Assert<Mirrors<NomineeDto, Omit<Nominee, 'name'> & { name?: string }>>,
  Assert<Mirrors<ContactDto, Contact>>,
];
