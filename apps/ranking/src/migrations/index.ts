import { CreateRankingTables1763712200000 } from './1763712200000-create-ranking-tables';
import { WithdrawnEntries1763720100000 } from './1763720100000-withdrawn-entries';
import { CoalescedAnnouncements1763720400000 } from './1763720400000-coalesced-announcements';
import { ScoreTimes1763720500000 } from './1763720500000-score-times';
import { RankingAuditLog1763720600000 } from './1763720600000-audit-log';
import { AnnouncementTimes1763720700000 } from './1763720700000-announcement-times';
import { RankingProcessedEventsByTime1764540000000 } from './1764540000000-processed-events-by-time';
import { BoardVersions1764600000000 } from './1764600000000-board-versions';
import { BoardChanges1764700000000 } from './1764700000000-board-changes';

/** The service's migrations, oldest first: what it applies at boot under the database's migration lock. */
export const RANKING_MIGRATIONS = [
  CreateRankingTables1763712200000,
  WithdrawnEntries1763720100000,
  CoalescedAnnouncements1763720400000,
  ScoreTimes1763720500000,
  RankingAuditLog1763720600000,
  AnnouncementTimes1763720700000,
  RankingProcessedEventsByTime1764540000000,
  BoardVersions1764600000000,
  BoardChanges1764700000000,
];
