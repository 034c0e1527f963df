import { dropProcessedEventsByTime, indexProcessedEventsByTime } from '@paritrana/messaging';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** processed_events is pruned by age (the topics' retention); this index finds the old rows. */
export class ScoringProcessedEventsByTime1764540000000 implements MigrationInterface {
  name = 'ScoringProcessedEventsByTime1764540000000';

  async up(runner: QueryRunner): Promise<void> {
    await indexProcessedEventsByTime(runner, 'scoring');
  }

  async down(runner: QueryRunner): Promise<void> {
    await dropProcessedEventsByTime(runner, 'scoring');
  }
}
