import { Module, type DynamicModule } from '@nestjs/common';
import type { ApiDescription } from '@paritrana/platform';
import { ServiceModule } from '@paritrana/service';
import { BoardsModule } from './boards/boards.module';
import type { RankingEnv } from './config/env';
import { ResultsModule } from './results/results.module';
import { CreateRankingTables1763712200000 } from './migrations/1763712200000-create-ranking-tables';
import { WithdrawnEntries1763720100000 } from './migrations/1763720100000-withdrawn-entries';
import { CoalescedAnnouncements1763720400000 } from './migrations/1763720400000-coalesced-announcements';
import { ScoreTimes1763720500000 } from './migrations/1763720500000-score-times';
import { RankingAuditLog1763720600000 } from './migrations/1763720600000-audit-log';
import { AnnouncementTimes1763720700000 } from './migrations/1763720700000-announcement-times';
import { RankingProcessedEventsByTime1764540000000 } from './migrations/1764540000000-processed-events-by-time';

export const RANKING_API: ApiDescription = {
  title: 'Paritrana ranking',
  description: 'Provincial and national boards of the Paritrana Award, and their publication',
};

@Module({})
export class RankingModule {
  static forRoot(env: RankingEnv): DynamicModule {
    return {
      module: RankingModule,
      imports: [
        ServiceModule.forRoot({
          service: 'ranking',
          schema: 'ranking',
          env,
          audit: true,
          migrations: [
            CreateRankingTables1763712200000,
            WithdrawnEntries1763720100000,
            CoalescedAnnouncements1763720400000,
            ScoreTimes1763720500000,
            RankingAuditLog1763720600000,
            AnnouncementTimes1763720700000,
            RankingProcessedEventsByTime1764540000000,
          ],
        }),
        BoardsModule,
        ResultsModule,
      ],
    };
  }
}
