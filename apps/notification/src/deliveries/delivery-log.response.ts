import { ApiProperty } from '@nestjs/swagger';
import type { Assert, Mirrors } from '@paritrana/contracts';
import { DELIVERY_STATUSES, type DeliveryLogEntry } from './delivery-store';

export class DeliveryResponse {
  @ApiProperty({ example: '2024:provincial:15:regency' })
  boardId!: string;

  @ApiProperty({ format: 'uuid' })
  nominationId!: string;

  @ApiProperty({ example: 'setda@bungokab.go.id' })
  recipient!: string;

  @ApiProperty({ example: '<5d41402abc4b2a76b9719d911017c592@paritrana.local>', description: 'The email’s Message-ID' })
  messageId!: string;

  @ApiProperty({ example: 'Terbaik I' })
  title!: string;

  @ApiProperty({ enum: DELIVERY_STATUSES, example: 'sent', description: 'failed: given up after the last attempt' })
  status!: (typeof DELIVERY_STATUSES)[number];

  @ApiProperty({ type: 'integer', example: 1 })
  attempts!: number;

  @ApiProperty({ type: String, nullable: true, description: 'Why the last attempt failed' })
  lastError!: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  sentAt!: string | null;
}

export class DeliveryLogResponse {
  @ApiProperty({ example: '2024:provincial:15:regency' })
  boardId!: string;

  @ApiProperty({ type: [DeliveryResponse], description: 'One per winner, oldest first; empty until the board is published' })
  deliveries!: DeliveryResponse[];
}

/** Fails to compile when the delivery log drifts from the documented response. */
export type DeliveryResponseMirrorsTheLog = Assert<Mirrors<DeliveryResponse, DeliveryLogEntry>>;
