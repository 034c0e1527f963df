import { ApiProperty } from '@nestjs/swagger';
import { TIERS, type Assert, type Mirrors, type Tier } from '@paritrana/contracts';
import type { DeliveryCount, DeliveryStats } from './delivery-stats.use-case';

export class DeliveryCountResponse {
  @ApiProperty({ enum: TIERS, example: 'provincial', description: 'The published board’s tier' })
  tier!: Tier;

  @ApiProperty({ example: '15', description: 'The winner’s province' })
  province!: string;

  @ApiProperty({ type: 'integer', minimum: 0, example: 0, description: 'Planned or being retried' })
  pending!: number;

  @ApiProperty({ type: 'integer', minimum: 0, example: 9 })
  sent!: number;

  @ApiProperty({ type: 'integer', minimum: 0, example: 0, description: 'Given up after the last attempt' })
  failed!: number;
}

export class DeliveryStatsResponse {
  @ApiProperty({ example: '2024' })
  edition!: string;

  @ApiProperty({
    type: [DeliveryCountResponse],
    description: 'One row per tier and province with emails: provincial first, then by province code',
  })
  provinces!: DeliveryCountResponse[];
}

/** Fails to compile when the counts drift from the documented response. */
export type DeliveryStatsMirrorTheCode = [
  Assert<Mirrors<DeliveryCountResponse, DeliveryCount>>,
  Assert<Mirrors<DeliveryStatsResponse, DeliveryStats>>,
];
