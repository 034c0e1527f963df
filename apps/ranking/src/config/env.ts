import { CommonEnv, loadEnv } from '@paritrana/platform';
import { IsInt, Max, Min } from 'class-validator';

export class RankingEnv extends CommonEnv {
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT: number = 3003;

  /** At most one whole-board paritrana.ranking.updated.v1 per board in this many seconds; changes go out at once. */
  @IsInt()
  @Min(1)
  @Max(86_400)
  RANKING_WHOLE_BOARD_SECONDS: number = 60;

  /**
   * Standings the whole boards of every board may carry a second, together (up to ten seconds' worth at once): whole
   * boards wait for it, changes never do.
   */
  @IsInt()
  @Min(1)
  @Max(10_000_000)
  RANKING_WHOLE_BOARD_STANDINGS_PER_SECOND: number = 1_000;

  /**
   * Entries of the open boards the announcer keeps in memory between announcements (about 0.3 KB each): a board held
   * is announced from its changed nominations alone; one that is not is ranked whole, at most every 0.05 ms per entry.
   */
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  RANKING_BOARD_MEMORY_ENTRIES: number = 250_000;
}

/** The only reader of process.env in this service. */
export const loadRankingEnv = (source: NodeJS.ProcessEnv = process.env) => loadEnv(RankingEnv, source);
