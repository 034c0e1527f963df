import type { DomainError } from '../errors/domain-error';
import { statsEdition } from './stats-query';

describe('statsEdition', () => {
  it('should answer the edition when it is an edition code', () => {
    expect(statsEdition('2024')).toBe('2024');
  });

  it.each([
    ['missing', undefined, 'is required'],
    ['not an edition code', '2024;drop', 'must be an edition code'],
    ['repeated', ['2024', '2025'], 'must be an edition code'],
  ])('should refuse with STATS_QUERY_INVALID when the edition is %s', (_case, edition, message) => {
    let refusal: DomainError | undefined;
    try {
      statsEdition(edition);
    } catch (error) {
      refusal = error as DomainError;
    }

    expect({ code: refusal?.code, kind: refusal?.kind, errors: refusal?.errors }).toEqual({
      code: 'STATS_QUERY_INVALID',
      kind: 'invalid',
      errors: [{ path: 'edition', message }],
    });
  });
});
