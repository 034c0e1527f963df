import { useQuery } from '@tanstack/react-query';
import { searchRegions } from './generated/intake/sdk.gen';
import { call } from './client';

/** The names of the 38 provinces, by two-digit code (from intake's official region list). */
export function useProvinceNames() {
  return useQuery({
    queryKey: ['regions', 'provinces'],
    staleTime: Infinity,
    queryFn: async () => {
      const { regions } = await call(searchRegions({ query: { level: 'province', limit: 100 } }));
      return new Map(regions.map((r) => [r.code, r.name]));
    },
  });
}
