import { ApiError } from '../../api/problem';

export interface BoardKey {
  edition: string;
  tier: 'provincial' | 'national';
  scope: string;
  category: string;
}

/** `2024:provincial:15:regency` → its parts; undefined when it is not a board id. */
export function parseBoardId(boardId: string): BoardKey | undefined {
  const [edition, tier, scope, category, ...rest] = boardId.split(':');
  if (rest.length > 0 || !edition || !scope || !category || (tier !== 'provincial' && tier !== 'national')) return undefined;
  return { edition, tier, scope, category };
}

interface StandingLike {
  rank: number;
  title?: string;
  nominationId: string;
  total: number;
  status: 'provisional' | 'final' | 'ineligible';
}

interface BoardLike {
  status: 'open' | 'published';
  standings: StandingLike[];
}

interface ProgressLike {
  minAssessors: number;
  nominations: number;
  rounds: Array<{ round: string; assessed: number }>;
}

/** The winners as the preview of their emails needs them: standings with a title. */
export const winnersOf = (board: BoardLike) =>
  board.standings
    .filter((s): s is StandingLike & { title: string } => !!s.title)
    .map(({ nominationId, rank, title, total }) => ({ nominationId, rank, title, total }));

export type ChecklistItem = 'open' | 'notEmpty' | 'allFinal' | 'panelComplete' | 'contactsKnown';

/**
 * What must hold before publishing, each item true or false. Ranking decides (its 409 says why);
 * the list lets the panel chair see it first. `missingContacts` is undefined while the preview loads.
 */
export function publishChecklist(
  board: BoardLike,
  progress: ProgressLike | undefined,
  missingContacts: number | undefined,
): Array<{ item: ChecklistItem; ok: boolean }> {
  return [
    { item: 'open', ok: board.status === 'open' },
    { item: 'notEmpty', ok: board.standings.length > 0 },
    { item: 'allFinal', ok: board.standings.every((s) => s.status === 'final') },
    { item: 'panelComplete', ok: !!progress && progress.rounds.every((r) => r.assessed >= progress.nominations) },
    { item: 'contactsKnown', ok: missingContacts === 0 },
  ];
}

/** The standings ranking names as still provisional in its 409 (BOARD_HAS_PROVISIONAL_SCORES). */
export function provisionalOf(error: unknown): Array<{ nominationId: string; name: string }> {
  if (!(error instanceof ApiError) || !Array.isArray(error.details.provisional)) return [];
  return error.details.provisional.filter(
    (p): p is { nominationId: string; name: string } =>
      typeof p === 'object' && p !== null && typeof (p as { nominationId?: unknown }).nominationId === 'string',
  );
}

/** A file name for a board's download: `papan-2024-provincial-15-regency.csv`. */
export const boardFileName = (prefix: string, boardId: string, extension = 'csv') =>
  `${prefix}-${boardId.replace(/[^A-Za-z0-9]+/g, '-')}.${extension}`;

/** The bytes of a base64 text (a rendered certificate). */
export function base64Bytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
