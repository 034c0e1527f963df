import { CreateScoringTables1763712100000 } from './1763712100000-create-scoring-tables';
import { Assessments1763720200000 } from './1763720200000-assessments';
import { NominationVersions1763720500000 } from './1763720500000-nomination-versions';
import { ScoringAuditLog1763720600000 } from './1763720600000-audit-log';
import { ScoringProcessedEventsByTime1764540000000 } from './1764540000000-processed-events-by-time';
import { AssessmentsByAssessor1765000000000 } from './1765000000000-assessments-by-assessor';

/** The service's migrations, oldest first: what it applies at boot under the database's migration lock. */
export const SCORING_MIGRATIONS = [
  CreateScoringTables1763712100000,
  Assessments1763720200000,
  NominationVersions1763720500000,
  ScoringAuditLog1763720600000,
  ScoringProcessedEventsByTime1764540000000,
  AssessmentsByAssessor1765000000000,
];
