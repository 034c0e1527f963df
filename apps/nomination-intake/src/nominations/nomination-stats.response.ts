import { ApiProperty } from '@nestjs/swagger';
import { TIERS, type Assert, type Mirrors, type Tier } from '@paritrana/contracts';
import type { CategoryCount, NominationCount } from './nomination.store';
import type { NominationStats } from './nomination-stats.use-case';

export class NominationCountResponse {
  @ApiProperty({ enum: TIERS, example: 'provincial' })
  tier!: Tier;

  @ApiProperty({ example: '15', description: 'The nominee’s province' })
  province!: string;

  @ApiProperty({ type: 'integer', minimum: 0, example: 11 })
  submitted!: number;

  @ApiProperty({ type: 'integer', minimum: 0, example: 1 })
  withdrawn!: number;
}

export class CategoryCountResponse extends NominationCountResponse {
  @ApiProperty({ example: 'regency' })
  category!: string;
}

export class NominationStatsResponse {
  @ApiProperty({ example: '2024' })
  edition!: string;

  @ApiProperty({
    type: [NominationCountResponse],
    description: 'One row per tier and province that has nominations: provincial first, then by province code',
  })
  provinces!: NominationCountResponse[];

  @ApiProperty({
    type: [CategoryCountResponse],
    description: 'The same counts by category: one row per tier, province and category that has nominations, in that order',
  })
  categories!: CategoryCountResponse[];
}

/** Fails to compile when the counts drift from the documented response. */
export type NominationStatsMirrorTheStore = [
  Assert<Mirrors<NominationCountResponse, NominationCount>>,
  Assert<Mirrors<CategoryCountResponse, CategoryCount>>,
  Assert<Mirrors<NominationStatsResponse, NominationStats>>,
];
