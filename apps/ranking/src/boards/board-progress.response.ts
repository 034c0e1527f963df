import { ApiProperty } from '@nestjs/swagger';
import type { Assert, Mirrors } from '@paritrana/contracts';
import { BoardSummaryResponse } from './board.response';
import type { BoardProgress, BoardProgressList } from './board-progress.use-case';

export class BoardProgressResponse extends BoardSummaryResponse {
  @ApiProperty({ type: 'integer', minimum: 0, example: 2, description: 'Standing nominations not scored yet or waiting for assessors' })
  provisional!: number;

  @ApiProperty({ type: 'integer', minimum: 0, example: 8 })
  final!: number;

  @ApiProperty({ type: 'integer', minimum: 0, example: 1 })
  ineligible!: number;
}

export class BoardProgressListResponse {
  @ApiProperty({ example: '2024' })
  edition!: string;

  @ApiProperty({ type: [BoardProgressResponse], description: 'By tier, scope and category; at most 1,000' })
  boards!: BoardProgressResponse[];
}

/** Fails to compile when the progress drifts from the documented response. */
export type BoardProgressMirrorsTheCode = [
  Assert<Mirrors<BoardProgressResponse, BoardProgress>>,
  Assert<Mirrors<BoardProgressListResponse, BoardProgressList>>,
];
