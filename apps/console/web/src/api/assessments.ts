import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from './client';
import { getAssessmentQueue, listMyAssessments, listNominationAssessments, recordAssessment } from './generated/scoring/sdk.gen';
import type { RecordAssessmentDto } from './generated/scoring/types.gen';

/** The nominations of the assessor's panel in an edition, each round with the assessor's own assessment or none yet. */
export function useAssessmentQueue(edition: string | undefined) {
  return useQuery({
    queryKey: ['assessments', 'queue', edition],
    enabled: !!edition,
    queryFn: () => call(getAssessmentQueue({ query: { edition: edition! } })),
  });
}

/** The assessor's own assessments in an edition, superseded ones included. */
export function useMyAssessments(edition: string | undefined) {
  return useQuery({
    queryKey: ['assessments', 'mine', edition],
    enabled: !!edition,
    queryFn: () => call(listMyAssessments({ query: { edition: edition! } })),
  });
}

/** A nomination's assessments the reader may see (an assessor: others' only in rounds they have scored). */
export function useNominationAssessments(nominationId: string | undefined) {
  return useQuery({
    queryKey: ['assessments', 'nomination', nominationId],
    enabled: !!nominationId,
    queryFn: () => call(listNominationAssessments({ query: { nominationId: nominationId! } })),
  });
}

export function useRecordAssessment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RecordAssessmentDto) => call(recordAssessment({ body })),
    onSuccess: (_recorded, body) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['assessments'] }),
        queryClient.invalidateQueries({ queryKey: ['score', body.nominationId] }),
      ]),
  });
}
