import { ApiProperty } from '@nestjs/swagger';
import { TIERS, type Assert, type Mirrors, type Tier } from '@paritrana/contracts';
import type { NominationCount } from './nomination.store';
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

export class NominationStatsResponse {
  @ApiProperty({ example: '2024' })
  edition!: string;

  @ApiProperty({
    type: [NominationCountResponse],
    description: 'One row per tier and province that has nominations: provincial first, then by province code',
  })
  provinces!: NominationCountResponse[];
}

/** Fails to compile when the counts drift from the documented response. */
export type NominationStatsMirrorTheStore = [
  Assert<Mirrors<NominationCountResponse, NominationCount>>,
  Assert<Mirrors<NominationStatsResponse, NominationStats>>,
];
