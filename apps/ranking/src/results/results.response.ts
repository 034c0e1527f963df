import { ApiProperty } from '@nestjs/swagger';
import { TIERS, type Assert, type Mirrors, type Tier } from '@paritrana/contracts';
import type { BoardResult, Results, ResultsEdition, ResultWinner } from './list-results.use-case';

export class ResultsEditionResponse implements ResultsEdition {
  @ApiProperty({ example: '2024' })
  code!: string;

  @ApiProperty({ example: 'Paritrana Award 2024' })
  name!: string;

  @ApiProperty({ type: 'integer', example: 2023, description: 'The year assessed' })
  assessmentYear!: number;

  @ApiProperty({ type: 'integer', example: 2024, description: 'The year awarded' })
  awardYear!: number;
}

export class ResultWinnerResponse implements ResultWinner {
  @ApiProperty({ type: 'integer', minimum: 1, example: 1 })
  rank!: number;

  @ApiProperty({ example: 'Terbaik I' })
  title!: string;

  @ApiProperty({ example: 'Kabupaten Bungo' })
  name!: string;

  @ApiProperty({ example: 'regency', description: 'province, regency, village or employer' })
  kind!: string;

  @ApiProperty({ example: '15.08', description: 'The official region code (an employer’s regency)' })
  regionCode!: string;
}

export class BoardResultResponse implements BoardResult {
  @ApiProperty({ example: '2024:provincial:15:regency' })
  boardId!: string;

  @ApiProperty({ enum: TIERS, example: 'provincial' })
  tier!: Tier;

  @ApiProperty({ example: '15', description: 'A province (provincial boards), `national` or a zone code' })
  scope!: string;

  @ApiProperty({ example: 'Provinsi Jambi' })
  scopeName!: string;

  @ApiProperty({ example: 'regency' })
  category!: string;

  @ApiProperty({ example: 'Pemerintah Kabupaten/Kota' })
  categoryName!: string;

  @ApiProperty({ format: 'date-time' })
  publishedAt!: string;

  @ApiProperty({ type: [ResultWinnerResponse], description: 'Terbaik I, II, III… best first' })
  winners!: ResultWinnerResponse[];
}

export class ResultsResponse implements Results {
  @ApiProperty({
    type: ResultsEditionResponse,
    required: false,
    description: 'The edition shown: the one asked for, else the newest with a published board; absent while nothing is published',
  })
  edition?: ResultsEditionResponse;

  @ApiProperty({ type: [ResultsEditionResponse], description: 'Every edition with a published board, newest first' })
  editions!: ResultsEditionResponse[];

  @ApiProperty({
    type: [BoardResultResponse],
    description: 'The edition’s published boards: national and zone boards first, then by province, categories in the edition’s order',
  })
  boards!: BoardResultResponse[];
}

/** Fails to compile when the results drift from the documented response. */
export type ResultsResponsesMirrorTheCode = [
  Assert<Mirrors<ResultsResponse, Results>>,
  Assert<Mirrors<ResultsEditionResponse, ResultsEdition>>,
  Assert<Mirrors<BoardResultResponse, BoardResult>>,
  Assert<Mirrors<ResultWinnerResponse, ResultWinner>>,
];
