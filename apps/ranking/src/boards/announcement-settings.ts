/**
 * RANKING_WHOLE_BOARD_SECONDS: how often, at most, a board's whole `ranking.updated` is announced;
 * RANKING_WHOLE_BOARD_STANDINGS_PER_SECOND: how many standings the whole boards of all boards may carry a second;
 * RANKING_BOARD_MEMORY_ENTRIES: how many entries of the open boards the announcer holds in memory.
 */
export interface AnnouncementSettings {
  wholeBoardSeconds: number;
  wholeBoardStandingsPerSecond: number;
  boardMemoryEntries: number;
}

export const ANNOUNCEMENT_SETTINGS = Symbol('ANNOUNCEMENT_SETTINGS');
