import type { Tier } from '@paritrana/contracts';
import { DomainError } from './domain-error';

/** A nomination (or its score) outside the token's scope: refused, as the contract says, with what the token lacks. */
export const nominationOutOfScope = (nomination: { province: string; tier: Tier }): DomainError =>
  DomainError.forbidden(
    'NOMINATION_OUT_OF_SCOPE',
    nomination.tier === 'provincial'
      ? `Your token does not cover province ${nomination.province}`
      : `Your token does not cover the national round of province ${nomination.province}`,
  );

/** A provincial board outside the token's provinces. */
export const boardOutOfScope = (boardId: string): DomainError =>
  DomainError.forbidden('BOARD_OUT_OF_SCOPE', `Your token does not cover board ${boardId}`);
