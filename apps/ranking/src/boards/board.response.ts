import { ApiProperty } from '@nestjs/swagger';
import {
  SCORE_STATUSES,
  TIERS,
  type Assert,
  type IneligibleEntry,
  type Mirrors,
  type RankingPublished,
  type ScoreStatus,
  type Standing,
  type Tier,
} from '@paritrana/contracts';
import { ProblemResponse } from '@paritrana/platform';
import { BOARD_STATUSES, type BoardStatus, type BoardSummary } from './board-store';
import type { BoardView } from './board-views';
import type { BoardCounts, BoardListItem } from './list-boards.use-case';

export class NomineeRefResponse {
  @ApiProperty({ example: 'regency', description: 'province, regency, village or employer' })
  kind!: string;

  @ApiProperty({ example: 'Kabupaten Bungo' })
  name!: string;

  @ApiProperty({ example: '15.08' })
  regionCode!: string;

  @ApiProperty({ required: false, example: '12345678', description: 'Employers only' })
  npp?: string;
}

export class StandingResponse implements Standing {
  @ApiProperty({ type: 'integer', minimum: 1, example: 1, description: 'Ties share a rank only when the tie-break cannot part them' })
  rank!: number;

  @ApiProperty({ required: false, example: 'Terbaik I', description: 'The winners only' })
  title?: string;

  @ApiProperty({ format: 'uuid' })
  nominationId!: string;

  @ApiProperty({ type: NomineeRefResponse })
  nominee!: NomineeRefResponse;

  @ApiProperty({ example: 81.25 })
  total!: number;

  @ApiProperty({ enum: SCORE_STATUSES, example: 'final' })
  status!: ScoreStatus;
}

export class IneligibleResponse implements IneligibleEntry {
  @ApiProperty({ format: 'uuid' })
  nominationId!: string;

  @ApiProperty({ type: NomineeRefResponse })
  nominee!: NomineeRefResponse;

  @ApiProperty({ type: [String], example: ['regulation.level must be perda'] })
  reasons!: string[];
}

export class BoardCountsResponse implements BoardCounts {
  @ApiProperty({ type: 'integer', example: 9, description: 'Standing with a final score' })
  final!: number;

  @ApiProperty({ type: 'integer', example: 2, description: 'Standing with a provisional score (assessments missing) or none yet' })
  provisional!: number;

  @ApiProperty({ type: 'integer', example: 0, description: 'Nominations that failed the eligibility rules' })
  ineligible!: number;
}

export class BoardSummaryResponse {
  @ApiProperty({ example: '2024:provincial:15:regency', description: '{edition}:{tier}:{scope}:{category}' })
  boardId!: string;

  @ApiProperty({ example: '2024' })
  edition!: string;

  @ApiProperty({ enum: TIERS, example: 'provincial' })
  tier!: Tier;

  @ApiProperty({ example: '15', description: 'A province (provincial boards), `national` or a zone code (national boards)' })
  scope!: string;

  @ApiProperty({ example: 'regency' })
  category!: string;

  @ApiProperty({ enum: BOARD_STATUSES, example: 'open' })
  status!: BoardStatus;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  publishedAt!: string | null;
}

export class BoardListItemResponse extends BoardSummaryResponse {
  @ApiProperty({ type: BoardCountsResponse, description: 'The nominations standing on the board now (not withdrawn), by score status' })
  counts!: BoardCountsResponse;
}

export class BoardListResponse {
  @ApiProperty({ type: [BoardListItemResponse], description: 'By edition, tier, scope and category; at most 1,000' })
  boards!: BoardListItemResponse[];
}

export class BoardResponse {
  @ApiProperty({ example: '2024:provincial:15:regency' })
  boardId!: string;

  @ApiProperty({ example: '2024' })
  edition!: string;

  @ApiProperty({ enum: TIERS, example: 'provincial' })
  tier!: Tier;

  @ApiProperty({ example: '15' })
  scope!: string;

  @ApiProperty({ example: 'regency' })
  category!: string;

  @ApiProperty({ enum: BOARD_STATUSES, example: 'open', description: 'published: frozen as it was published' })
  status!: BoardStatus;

  @ApiProperty({ type: [StandingResponse], description: 'Best first' })
  standings!: StandingResponse[];

  @ApiProperty({ type: [IneligibleResponse] })
  ineligible!: IneligibleResponse[];

  @ApiProperty({ required: false, format: 'date-time', description: 'Published boards' })
  publishedAt?: string;

  @ApiProperty({ required: false, example: 'ketua-jambi', description: 'Published boards: the publisher’s account' })
  publishedBy?: string;

  @ApiProperty({
    required: false,
    type: 'integer',
    minimum: 0,
    example: 12,
    description: 'Open boards: the version of its last `paritrana.ranking.changed.v1` (0 before the first)',
  })
  version?: number;

  @ApiProperty({
    required: false,
    example: false,
    description: 'Open boards: true while a change is not yet announced; when false, the standings are exactly those of `version`',
  })
  pending?: boolean;
}

export class PublishedBoardResponse {
  @ApiProperty({ example: '2024:provincial:15:regency' })
  boardId!: string;

  @ApiProperty({ example: '2024' })
  edition!: string;

  @ApiProperty({ enum: TIERS, example: 'provincial' })
  tier!: Tier;

  @ApiProperty({ example: '15' })
  scope!: string;

  @ApiProperty({ example: 'regency' })
  category!: string;

  @ApiProperty({ type: [StandingResponse], description: 'Best first, as frozen' })
  standings!: StandingResponse[];

  @ApiProperty({ type: [IneligibleResponse] })
  ineligible!: IneligibleResponse[];

  @ApiProperty({ format: 'date-time' })
  publishedAt!: string;

  @ApiProperty({ example: 'ketua-jambi' })
  publishedBy!: string;
}

export class ProvisionalStandingResponse {
  @ApiProperty({ format: 'uuid' })
  nominationId!: string;

  @ApiProperty({ example: 'Kabupaten Bungo' })
  name!: string;
}

/** A refused publication: BOARD_HAS_PROVISIONAL_SCORES lists the standings still provisional. */
export class PublishConflictResponse extends ProblemResponse {
  @ApiProperty({ type: [ProvisionalStandingResponse], required: false, description: 'BOARD_HAS_PROVISIONAL_SCORES only' })
  provisional?: ProvisionalStandingResponse[];
}

/** Fails to compile when what the board reads and publication return drifts from the documented responses. */
export type BoardResponsesMirrorTheCode = [
  Assert<Mirrors<BoardSummaryResponse, BoardSummary>>,
  Assert<Mirrors<BoardListItemResponse, BoardListItem>>,
  Assert<Mirrors<BoardCountsResponse, BoardCounts>>,
  Assert<Mirrors<BoardResponse, BoardView>>,
  Assert<Mirrors<PublishedBoardResponse, RankingPublished>>,
  Assert<Mirrors<StandingResponse, Standing>>,
  Assert<Mirrors<IneligibleResponse, IneligibleEntry>>,
];
