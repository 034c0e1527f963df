import { useQuery } from '@tanstack/react-query';
import { call } from './client';
import { ApiError } from './problem';
import { getBoard } from './generated/ranking/sdk.gen';
import { getScore } from './generated/scoring/sdk.gen';

/** A nomination's score, or null while scoring has not seen it yet (404). */
export function useScore(nominationId: string | undefined) {
  return useQuery({
    queryKey: ['score', nominationId],
    enabled: !!nominationId,
    queryFn: () =>
      call(getScore({ path: { nominationId: nominationId! } })).catch((error: unknown) => {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }),
  });
}

/** A board, or null while ranking has no standing on it yet (404). */
export function useBoard(boardId: string | undefined) {
  return useQuery({
    queryKey: ['board', boardId],
    enabled: !!boardId,
    queryFn: () =>
      call(getBoard({ path: { boardId: boardId! } })).catch((error: unknown) => {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }),
  });
}

export const boardIdOf = (n: { edition: string; tier: string; province: string; category: string }) =>
  `${n.edition}:${n.tier}:${n.tier === 'provincial' ? n.province : 'national'}:${n.category}`;
