import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AuditedService } from '../pages/secretariat/audit-trail';
import { call } from './client';
import { countNominations, defineEdition, listAuditEntries as intakeAudit } from './generated/intake/sdk.gen';
import type { EditionDefinitionDto, ListAuditEntriesData } from './generated/intake/types.gen';
import { countDeliveries, listDeliveries } from './generated/notification/sdk.gen';
import { listAuditEntries as rankingAudit, listBoardProgress } from './generated/ranking/sdk.gen';
import { countScores, listAuditEntries as scoringAudit } from './generated/scoring/sdk.gen';

export type AuditQuery = NonNullable<ListAuditEntriesData['query']>;

/** Each service's own count of an edition, for the national dashboard. */
export function useNationalCounts(edition: string | undefined) {
  const [nominations, scores, boards, deliveries] = useQueries({
    queries: [
      {
        queryKey: ['stats', 'nominations', edition],
        enabled: !!edition,
        queryFn: () => call(countNominations({ query: { edition: edition! } })),
      },
      { queryKey: ['stats', 'scores', edition], enabled: !!edition, queryFn: () => call(countScores({ query: { edition: edition! } })) },
      {
        queryKey: ['stats', 'boards', edition],
        enabled: !!edition,
        queryFn: () => call(listBoardProgress({ query: { edition: edition! } })),
      },
      {
        queryKey: ['stats', 'deliveries', edition],
        enabled: !!edition,
        queryFn: () => call(countDeliveries({ query: { edition: edition! } })),
      },
    ],
  });
  return { nominations, scores, boards, deliveries };
}

/** Every board of an edition with its progress. */
export function useBoardProgress(edition: string | undefined) {
  return useQuery({
    queryKey: ['stats', 'boards', edition],
    enabled: !!edition,
    queryFn: () => call(listBoardProgress({ query: { edition: edition! } })),
  });
}

export function useDeliveryLog(boardId: string | undefined) {
  return useQuery({
    queryKey: ['deliveries', boardId],
    enabled: !!boardId,
    queryFn: () => call(listDeliveries({ query: { boardId: boardId! } })),
  });
}

const AUDIT = { intake: intakeAudit, scoring: scoringAudit, ranking: rankingAudit } as const;

/** The audit trail of each service asked, by the same filters. */
export function useAuditTrails(services: readonly AuditedService[], query: AuditQuery) {
  return useQueries({
    queries: services.map((service) => ({
      queryKey: ['audit', service, query],
      queryFn: () => call(AUDIT[service]({ query })).then((r) => ({ service, entries: r.entries })),
    })),
  });
}

export function useDefineEdition() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: unknown) => call(defineEdition({ body: body as EditionDefinitionDto })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['editions'] }),
  });
}
