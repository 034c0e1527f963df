import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from './client';
import {
  amendNomination,
  countNominations,
  getEdition,
  getNomination,
  listEditions,
  listNominations,
  searchRegions,
  submitNomination,
  withdrawNomination,
} from './generated/intake/sdk.gen';
import type {
  AmendNominationDto,
  EditionDefinitionDto,
  ListNominationsData,
  NominationResponse,
  SubmitNominationDto,
} from './generated/intake/types.gen';

export type Edition = EditionDefinitionDto;
export type Nomination = NominationResponse;
export type NominationFilter = NonNullable<ListNominationsData['query']>;

/** The edition's nominations counted by tier, province, category and status, within the reader's scope. */
export function useNominationCounts(edition: string) {
  return useQuery({ queryKey: ['nominations', 'count', edition], queryFn: () => call(countNominations({ query: { edition } })) });
}

export function useEditions() {
  return useQuery({ queryKey: ['editions'], queryFn: () => call(listEditions()).then((r) => r.editions) });
}

/** The edition people work in: the newest one. */
export function useCurrentEdition() {
  const editions = useEditions();
  return { ...editions, data: editions.data?.[0] };
}

export function useEdition(code: string | undefined) {
  return useQuery({
    queryKey: ['editions', code],
    enabled: !!code,
    queryFn: () => call(getEdition({ path: { code: code! } })),
  });
}

export function useNominations(filter: NominationFilter) {
  return useQuery({
    queryKey: ['nominations', filter],
    placeholderData: keepPreviousData,
    queryFn: () => call(listNominations({ query: filter })),
  });
}

/** Every page of a filter, for exports: pages of 500 until the total is reached. */
export async function allNominations(filter: NominationFilter): Promise<Nomination[]> {
  const all: Nomination[] = [];
  for (let page = 1; ; page++) {
    const { items, total } = await call(listNominations({ query: { ...filter, page, pageSize: 500 } }));
    all.push(...items);
    if (all.length >= total || items.length === 0) return all;
  }
}

export function useNomination(id: string | undefined) {
  return useQuery({ queryKey: ['nomination', id], enabled: !!id, queryFn: () => call(getNomination({ path: { id: id! } })) });
}

export function useRegionSearch(query: { province?: string; level?: 'regency' | 'village' | 'district'; q: string }) {
  return useQuery({
    queryKey: ['regions', query],
    enabled: query.q.trim().length >= 2,
    placeholderData: keepPreviousData,
    queryFn: () => call(searchRegions({ query: { ...query, limit: 20 } })).then((r) => r.regions),
  });
}

export function useSubmitNomination() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: SubmitNominationDto; idempotencyKey: string }) =>
      call(submitNomination({ body, headers: { 'Idempotency-Key': idempotencyKey } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['nominations'] }),
  });
}

export function useAmendNomination(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AmendNominationDto) => call(amendNomination({ path: { id }, body })),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['nominations'] }),
        queryClient.invalidateQueries({ queryKey: ['nomination', id] }),
      ]),
  });
}

export function useWithdrawNomination(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (reason: string) => call(withdrawNomination({ path: { id }, body: reason ? { reason } : {} })),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['nominations'] }),
        queryClient.invalidateQueries({ queryKey: ['nomination', id] }),
      ]),
  });
}
