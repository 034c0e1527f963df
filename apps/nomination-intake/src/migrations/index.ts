import { CreateIntakeTables1763712000000 } from './1763712000000-create-intake-tables';
import { AmendmentsIdempotencyAudit1763720000000 } from './1763720000000-amendments-idempotency-audit';
import { Advancement1763720300000 } from './1763720300000-advancement';
import { IntakeProcessedEventsByTime1764540000000 } from './1764540000000-processed-events-by-time';

/** The service's migrations, oldest first: what it applies at boot under the database's migration lock. */
export const INTAKE_MIGRATIONS = [
  CreateIntakeTables1763712000000,
  AmendmentsIdempotencyAudit1763720000000,
  Advancement1763720300000,
  IntakeProcessedEventsByTime1764540000000,
];
