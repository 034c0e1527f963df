import { ApiProperty } from '@nestjs/swagger';
import { TIERS, type Assert, type Mirrors, type Tier } from '@paritrana/contracts';
import type { ScoreCount } from './score-store';
import type { ScoreStats } from './score-stats.use-case';

export class ScoreCountResponse {
  @ApiProperty({ enum: TIERS, example: 'provincial' })
  tier!: Tier;

  @ApiProperty({ example: '15', description: 'The nominee’s province' })
  province!: string;

  @ApiProperty({ type: 'integer', minimum: 0, example: 2, description: 'Scored, still waiting for assessors' })
  provisional!: number;

  @ApiProperty({ type: 'integer', minimum: 0, example: 8 })
  final!: number;

  @ApiProperty({ type: 'integer', minimum: 0, example: 1, description: 'Failed the category’s eligibility gate' })
  ineligible!: number;

  @ApiProperty({ type: 'integer', minimum: 0, example: 1 })
  withdrawn!: number;
}

export class ScoreStatsResponse {
  @ApiProperty({ example: '2024' })
  edition!: string;

  @ApiProperty({
    type: [ScoreCountResponse],
    description: 'One row per tier and province that has nominations: provincial first, then by province code',
  })
  provinces!: ScoreCountResponse[];
}

/** Fails to compile when the counts drift from the documented response. */
export type ScoreStatsMirrorTheStore = [Assert<Mirrors<ScoreCountResponse, ScoreCount>>, Assert<Mirrors<ScoreStatsResponse, ScoreStats>>];
