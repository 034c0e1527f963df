import { ApiProperty } from '@nestjs/swagger';
import { SCORE_STATUSES, type Assert, type Mirrors, type ScoreStatus } from '@paritrana/contracts';
import type { AssessmentRecorded } from './record-assessment.use-case';

export class AssessedScoreResponse {
  @ApiProperty({ enum: SCORE_STATUSES, example: 'final' })
  status!: ScoreStatus;

  @ApiProperty({ minimum: 0, maximum: 100, example: 81.25 })
  total!: number;
}

export class AssessmentRecordedResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({
    format: 'uuid',
    required: false,
    description: 'The assessor’s earlier assessment this one supersedes (kept in the history)',
  })
  supersedes?: string;

  @ApiProperty({ type: AssessedScoreResponse, description: 'The nomination’s score with this assessment' })
  score!: AssessedScoreResponse;
}

/** Fails to compile when what recording an assessment returns drifts from the documented response. */
export type AssessmentResponseMirrorsTheCode = Assert<Mirrors<AssessmentRecordedResponse, AssessmentRecorded>>;
