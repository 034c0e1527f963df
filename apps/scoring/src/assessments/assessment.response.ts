import { ApiProperty } from '@nestjs/swagger';
import {
  EMPLOYER_SECTORS,
  EMPLOYER_SIZES,
  NOMINEE_KINDS,
  SCORE_STATUSES,
  TIERS,
  type Assert,
  type Mirrors,
  type Nominee,
  type ScoreStatus,
  type Tier,
} from '@paritrana/contracts';
import { AssessmentHistoryResponse } from '../scores/score.response';
import type { AssessmentQueue, MyRoundAssessment, QueuedNomination, QueuedRound } from './assessment-queue.use-case';
import type { MyAssessment, MyAssessments } from './my-assessments.use-case';
import type { NominationAssessments } from './nomination-assessments.use-case';
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

export class AssessedNomineeResponse implements Nominee {
  @ApiProperty({ enum: NOMINEE_KINDS, example: 'regency' })
  kind!: (typeof NOMINEE_KINDS)[number];

  @ApiProperty({ example: 'Kabupaten Bungo' })
  name!: string;

  @ApiProperty({ example: '15.08' })
  regionCode!: string;

  @ApiProperty({ required: false, example: '12345678', description: 'Employers only' })
  npp?: string;

  @ApiProperty({ required: false, enum: EMPLOYER_SECTORS, description: 'Employers only' })
  sector?: (typeof EMPLOYER_SECTORS)[number];

  @ApiProperty({ required: false, enum: EMPLOYER_SIZES, description: 'Employers only' })
  size?: (typeof EMPLOYER_SIZES)[number];
}

export class MyRoundAssessmentResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'date-time' })
  submittedAt!: string;

  @ApiProperty({ description: 'A declared conflict: nothing more to score in this round' })
  conflictOfInterest!: boolean;
}

export class QueuedRoundResponse {
  @ApiProperty({ example: 'interview', description: 'A round of the rubric’s panel criteria' })
  round!: string;

  @ApiProperty({
    type: MyRoundAssessmentResponse,
    nullable: true,
    description: 'Your current assessment of the round; null while it waits for your score',
  })
  mine!: MyRoundAssessmentResponse | null;

  @ApiProperty({
    type: 'integer',
    example: 1,
    description: 'Current assessments of the round that count (declared conflicts left out), yours included; never their scores',
  })
  assessors!: number;
}

export class QueuedNominationResponse {
  @ApiProperty({ format: 'uuid' })
  nominationId!: string;

  @ApiProperty({ enum: TIERS, example: 'provincial' })
  tier!: Tier;

  @ApiProperty({ example: '15' })
  province!: string;

  @ApiProperty({ example: 'regency' })
  category!: string;

  @ApiProperty({ type: AssessedNomineeResponse })
  nominee!: AssessedNomineeResponse;

  @ApiProperty({ enum: SCORE_STATUSES, example: 'provisional' })
  scoreStatus!: ScoreStatus;

  @ApiProperty({ type: 'integer', example: 1, description: 'Assessors per round the rubric needs for a final score' })
  minAssessors!: number;

  @ApiProperty({ type: [QueuedRoundResponse] })
  rounds!: QueuedRoundResponse[];
}

export class AssessmentQueueResponse {
  @ApiProperty({ example: '2024' })
  edition!: string;

  @ApiProperty({
    type: [QueuedNominationResponse],
    description:
      'The nominations of your panel the rubric asks assessors to score, withdrawn ones left out; in the edition’s order of categories, then by province and name',
  })
  nominations!: QueuedNominationResponse[];
}

export class NominationAssessmentsResponse {
  @ApiProperty({ format: 'uuid' })
  nominationId!: string;

  @ApiProperty({ type: [AssessmentHistoryResponse], description: 'Oldest first, superseded ones included' })
  assessments!: AssessmentHistoryResponse[];

  @ApiProperty({
    type: [String],
    example: ['interview'],
    description: 'Assessors only: rounds whose other assessors’ assessments stay hidden until you have scored the round',
  })
  withheldRounds!: string[];
}

export class AssessedNominationResponse {
  @ApiProperty({ enum: TIERS, example: 'provincial' })
  tier!: Tier;

  @ApiProperty({ example: '15' })
  province!: string;

  @ApiProperty({ example: 'regency' })
  category!: string;

  @ApiProperty({ type: AssessedNomineeResponse, nullable: true })
  nominee!: AssessedNomineeResponse | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  withdrawnAt!: string | null;
}

export class MyAssessmentResponse extends AssessmentHistoryResponse {
  @ApiProperty({ format: 'uuid' })
  nominationId!: string;

  @ApiProperty({ type: AssessedNominationResponse })
  nomination!: AssessedNominationResponse;
}

export class MyAssessmentsResponse {
  @ApiProperty({ example: '2024' })
  edition!: string;

  @ApiProperty({ type: [MyAssessmentResponse], description: 'Newest first, superseded ones included' })
  assessments!: MyAssessmentResponse[];
}

/** Fails to compile when what the assessment use cases return drifts from the documented responses. */
export type AssessmentResponsesMirrorTheCode = [
  Assert<Mirrors<AssessmentRecordedResponse, AssessmentRecorded>>,
  Assert<Mirrors<AssessedNomineeResponse, Nominee>>,
  Assert<Mirrors<MyRoundAssessmentResponse, MyRoundAssessment>>,
  Assert<Mirrors<QueuedRoundResponse, QueuedRound>>,
  Assert<Mirrors<QueuedNominationResponse, QueuedNomination>>,
  Assert<Mirrors<AssessmentQueueResponse, AssessmentQueue>>,
  Assert<Mirrors<NominationAssessmentsResponse, NominationAssessments>>,
  Assert<Mirrors<MyAssessmentResponse, MyAssessment>>,
  Assert<Mirrors<MyAssessmentsResponse, MyAssessments>>,
];
