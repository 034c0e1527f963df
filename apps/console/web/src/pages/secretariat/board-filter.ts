/** The boards table's filters, as kept in the address. */
export interface BoardFilter {
  tier?: string;
  province?: string;
  category?: string;
  status?: string;
}

export interface BoardRow {
  boardId: string;
  tier: string;
  scope: string;
  category: string;
  status: string;
  provisional: number;
  final: number;
  ineligible: number;
}

/** The boards that match every filter given; a province matches its provincial boards only. */
export function filterBoards<T extends BoardRow>(boards: T[], filter: BoardFilter): T[] {
  return boards.filter(
    (b) =>
      (!filter.tier || b.tier === filter.tier) &&
      (!filter.province || (b.tier === 'provincial' && b.scope === filter.province)) &&
      (!filter.category || b.category === filter.category) &&
      (!filter.status || b.status === filter.status),
  );
}

/** How far a board is: its final and ineligible standings (both settled) over all that stand on it. */
export function progressOf(board: BoardRow): { settled: number; standing: number; fraction: number } {
  const standing = board.provisional + board.final + board.ineligible;
  const settled = board.final + board.ineligible;
  return { settled, standing, fraction: standing === 0 ? 0 : settled / standing };
}
