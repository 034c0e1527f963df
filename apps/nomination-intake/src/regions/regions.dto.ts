import { ApiProperty } from '@nestjs/swagger';
import { REGION_LEVELS, type RegionLevel } from '@paritrana/contracts';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

export class SearchRegionsQuery {
  @ApiProperty({ required: false, example: '15', description: 'Only regions of this province (two-digit code)' })
  @IsOptional()
  @Matches(/^\d{2}$/, { message: 'province must be a two-digit code' })
  province?: string;

  @ApiProperty({ required: false, enum: REGION_LEVELS, example: 'regency' })
  @IsOptional()
  @IsIn(REGION_LEVELS)
  level?: RegionLevel;

  @ApiProperty({ required: false, example: 'bungo', description: 'Part of the name, any case; or the start of a code' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiProperty({ type: 'integer', required: false, example: 20, default: 20, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit: number = 20;
}
