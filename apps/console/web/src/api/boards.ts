import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, fetchText } from './client';
import { previewBoardEmails } from './generated/notification/sdk.gen';
import type { PreviewWinnerDto } from './generated/notification/types.gen';
import { listBoards, listResults, publishBoard } from './generated/ranking/sdk.gen';
import type { BoardListItemResponse, ListBoardsData } from './generated/ranking/types.gen';
import { getAssessmentProgress } from './generated/scoring/sdk.gen';

export type BoardSummary = BoardListItemResponse;
export type BoardFilter = NonNullable<ListBoardsData['query']>;

export function useBoards(filter: BoardFilter, enabled = true) {
  return useQuery({
    queryKey: ['boards', filter],
    enabled,
    placeholderData: keepPreviousData,
    queryFn: () => call(listBoards({ query: filter })).then((r) => r.boards),
  });
}

/** How far a board's panel is, round by round, against the rubric's minAssessors. */
export function useAssessmentProgress(boardId: string | undefined) {
  return useQuery({
    queryKey: ['assessment-progress', boardId],
    enabled: !!boardId,
    queryFn: () => call(getAssessmentProgress({ query: { boardId: boardId! } })),
  });
}

/** Each winner's email and certificate as publishing would send them (rendered by notification, nothing sent). */
export function useEmailPreview(boardId: string, winners: PreviewWinnerDto[] | undefined) {
  return useQuery({
    queryKey: ['email-preview', boardId, winners],
    enabled: !!winners && winners.length > 0,
    staleTime: 60_000,
    queryFn: () => call(previewBoardEmails({ body: { boardId, winners: winners! } })),
  });
}

export function usePublishBoard(boardId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => call(publishBoard({ path: { boardId } })),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['boards'] }),
        queryClient.invalidateQueries({ queryKey: ['board', boardId] }),
        queryClient.invalidateQueries({ queryKey: ['results'] }),
      ]),
  });
}

/** The board as ranking exports it (standings, then the ineligible with their reasons). */
export const exportBoardCsv = (boardId: string) => fetchText(`/api/ranking/v1/boards/${encodeURIComponent(boardId)}/export`);

/** Every nomination of the board with every current assessor's scores, as scoring exports it. */
export const exportScoresCsv = (boardId: string) => fetchText(`/api/scoring/v1/scores/export?boardId=${encodeURIComponent(boardId)}`);

/** The published winners of an edition (the newest when none is named); public, no token needed. */
export function usePublicResults(edition: string | undefined) {
  return useQuery({
    queryKey: ['results', edition ?? null],
    placeholderData: keepPreviousData,
    queryFn: () => call(listResults({ query: edition ? { edition } : {} })),
  });
}
