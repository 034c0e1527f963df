import { ApiProperty } from '@nestjs/swagger';
import { SCORE_STATUSES, type Assert, type CriterionScore, type Mirrors, type ScoreStatus } from '@paritrana/contracts';
import type { Assessment } from '../assessments/assessment-store';
import type { AssessmentProgress, RoundProgress } from './assessment-progress';

export class CriterionScoreResponse implements CriterionScore {
  @ApiProperty({ example: 'coverage_pu' })
  code!: string;

  @ApiProperty({ example: 25 })
  weight!: number;

  @ApiProperty({
    oneOf: [{ type: 'number' }, { type: 'string' }],
    nullable: true,
    example: 0.67,
    description: 'The indicator value or panel score the criterion was scored on; null when missing',
  })
  value!: number | string | null;

  @ApiProperty({ minimum: 0, maximum: 100, example: 67 })
  subScore!: number;

  @ApiProperty({ example: 16.75, description: 'What the criterion adds to the total: its sub-score by its share of the weights' })
  contribution!: number;
}

export class AssessmentHistoryResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'penilai-jambi', description: 'The assessor’s account (the token’s subject)' })
  assessor!: string;

  @ApiProperty({ example: 'Penilai Jambi' })
  assessorName!: string;

  @ApiProperty({ example: 'interview' })
  round!: string;

  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' }, example: { interview: 85 }, description: 'By panel criterion' })
  scores!: Record<string, number>;

  @ApiProperty({ description: 'A declared conflict: this assessor’s scores do not count for this nomination' })
  conflictOfInterest!: boolean;

  @ApiProperty({ type: String, nullable: true })
  comment!: string | null;

  @ApiProperty({ format: 'date-time' })
  submittedAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  supersededAt!: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The assessment of the same assessor and round replacing it' })
  supersededBy!: string | null;

  @ApiProperty({ description: 'Not superseded: it counts in the score' })
  current!: boolean;
}

export class ScoreExplanationResponse {
  @ApiProperty({ format: 'uuid' })
  nominationId!: string;

  @ApiProperty({ enum: SCORE_STATUSES, example: 'final', description: 'provisional while assessments are missing' })
  status!: ScoreStatus;

  @ApiProperty({ minimum: 0, maximum: 100, example: 81.25 })
  total!: number;

  @ApiProperty({ type: 'integer', example: 1 })
  rubricVersion!: number;

  @ApiProperty({ type: [CriterionScoreResponse] })
  criteria!: CriterionScoreResponse[];

  @ApiProperty({ type: [String], example: [], description: 'Why the nomination is ineligible, or what its score still lacks' })
  reasons!: string[];

  @ApiProperty({ format: 'date-time' })
  calculatedAt!: string;

  @ApiProperty({
    type: [AssessmentHistoryResponse],
    required: false,
    description: 'Secretariat and admin only: every assessment, superseded ones included, oldest first',
  })
  assessments?: AssessmentHistoryResponse[];
}

export class RoundProgressResponse implements RoundProgress {
  @ApiProperty({ example: 'interview' })
  round!: string;

  @ApiProperty({
    type: 'integer',
    example: 9,
    description: 'Nominations with at least minAssessors current, non-conflicted assessments in this round',
  })
  assessed!: number;

  @ApiProperty({ type: 'integer', example: 18, description: 'Current, non-conflicted assessments in this round' })
  assessments!: number;
}

export class AssessmentProgressResponse implements AssessmentProgress {
  @ApiProperty({ example: '2024:provincial:15:regency' })
  boardId!: string;

  @ApiProperty({ type: 'integer', example: 2, description: 'The rubric’s minimum of assessors per nomination and round' })
  minAssessors!: number;

  @ApiProperty({ type: 'integer', example: 11, description: 'Nominations on the board awaiting assessment: not withdrawn, not ineligible' })
  nominations!: number;

  @ApiProperty({
    type: [RoundProgressResponse],
    description: 'One per assessment round of the rubric; none when it is scored from data alone',
  })
  rounds!: RoundProgressResponse[];
}

/** Fails to compile when what the score reads return drifts from the documented response. */
export type ScoreResponsesMirrorTheCode = [
  Assert<Mirrors<AssessmentProgressResponse, AssessmentProgress & { boardId: string }>>,
  Assert<Mirrors<RoundProgressResponse, RoundProgress>>,
  Assert<Mirrors<CriterionScoreResponse, CriterionScore>>,
  Assert<Mirrors<AssessmentHistoryResponse, Omit<Assessment, 'nominationId'> & { current: boolean }>>,
];
