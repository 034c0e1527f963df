import type { Tier } from './edition/edition-definition';

export interface BoardKey {
  edition: string;
  tier: Tier;
  scope: string;
  category: string;
}

export const boardIdOf = (key: BoardKey): string => `${key.edition}:${key.tier}:${key.scope}:${key.category}`;

export function parseBoardId(boardId: string): BoardKey | undefined {
  const parts = boardId.split(':');
  if (parts.length !== 4 || parts.some((p) => p.length === 0)) return undefined;
  const [edition, tier, scope, category] = parts;
  if (tier !== 'provincial' && tier !== 'national') return undefined;
  return { edition, tier, scope, category };
}

export const WINNER_TITLES = ['Terbaik I', 'Terbaik II', 'Terbaik III', 'Terbaik IV', 'Terbaik V'] as const;

export const titleForRank = (rank: number, winners: number): string | undefined =>
  rank <= winners ? (WINNER_TITLES[rank - 1] ?? `Terbaik ${rank}`) : undefined;
