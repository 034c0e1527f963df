import { ApiProperty } from '@nestjs/swagger';
import { NOMINEE_KINDS, TIERS } from '@paritrana/contracts';
import { Type } from 'class-transformer';
import { IsEmail, IsIn, IsNotEmpty, IsObject, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';

export const EMPLOYER_SECTORS = [
  'finance',
  'trade-services',
  'mining-manufacturing-construction',
  'agriculture',
  'education',
  'public-service',
  'other',
] as const;
export const EMPLOYER_SIZES = ['large', 'medium', 'small-micro'] as const;

export class NomineeDto {
  @ApiProperty({ enum: NOMINEE_KINDS, example: 'regency' })
  @IsIn(NOMINEE_KINDS)
  kind!: (typeof NOMINEE_KINDS)[number];

  @ApiProperty({ example: '15.08', description: 'Official Kemendagri code; for employers, the regency they are in' })
  @Matches(/^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/, { message: 'regionCode must be an official code such as 15 or 15.08' })
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
  @Matches(/^[0-9A-Z]{5,20}$/, { message: 'npp must be 5-20 digits or capital letters' })
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

export class ContactDto {
  @ApiProperty({ example: 'Sekretariat Daerah Kab. Bungo' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiProperty({ example: 'setda@bungokab.go.id' })
  @IsEmail({}, { message: 'email must be a valid address' })
  @MaxLength(254)
  email!: string;
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
  @ValidateNested()
  @Type(() => NomineeDto)
  nominee!: NomineeDto;

  @ApiProperty({ type: ContactDto })
  @ValidateNested()
  @Type(() => ContactDto)
  contact!: ContactDto;

  @ApiProperty({
    example: { workforce: { wageEarners: 61000 }, participants: { wageEarners: 40870 }, regulation: { level: 'perda' } },
    description: 'Indicators by group; counts are non-negative integers and a part never exceeds its whole',
  })
  @IsObject()
  indicators!: Record<string, unknown>;
}

export class NominationAcceptedDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'submitted' })
  status!: string;

  @ApiProperty({ example: '2025-03-01T08:00:00.000Z' })
  submittedAt!: string;
}
