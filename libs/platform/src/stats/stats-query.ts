import { EDITION_CODE_PATTERN } from '@paritrana/contracts';
import { DomainError } from '../errors/domain-error';

const EDITION = new RegExp(EDITION_CODE_PATTERN);

/** The edition a statistics request counts: required and an edition code, or 422 STATS_QUERY_INVALID. */
export function statsEdition(edition: unknown): string {
  if (typeof edition === 'string' && EDITION.test(edition)) return edition;
  throw DomainError.invalid('STATS_QUERY_INVALID', 'Give the edition: ?edition=2024', [
    { path: 'edition', message: edition === undefined ? 'is required' : 'must be an edition code' },
  ]);
}
