interface BoardResultLike {
  tier: 'provincial' | 'national';
  scope: string;
  scopeName: string;
}

export interface ResultGroup<B> {
  scope: string;
  scopeName: string;
  boards: B[];
}

/**
 * The published boards as the results page shows them: the national and zone winners first (one
 * group per scope), then each province with its categories, in the order the service gives.
 */
export function groupResults<B extends BoardResultLike>(boards: B[]): { national: ResultGroup<B>[]; provinces: ResultGroup<B>[] } {
  const group = (tier: B['tier']) => {
    const groups = new Map<string, ResultGroup<B>>();
    for (const board of boards.filter((b) => b.tier === tier)) {
      const held = groups.get(board.scope) ?? { scope: board.scope, scopeName: board.scopeName, boards: [] };
      held.boards.push(board);
      groups.set(board.scope, held);
    }
    return [...groups.values()];
  };
  return { national: group('national'), provinces: group('provincial') };
}

/** Provinces whose name or a winner's name contains the search text (case and accents aside). */
export function filterGroups<B extends { categoryName: string; winners: Array<{ name: string }> }>(
  groups: ResultGroup<B>[],
  search: string,
): ResultGroup<B>[] {
  const fold = (s: string) =>
    s
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase();
  const q = fold(search.trim());
  if (!q) return groups;
  return groups.filter((g) => fold(g.scopeName).includes(q) || g.boards.some((b) => b.winners.some((w) => fold(w.name).includes(q))));
}
