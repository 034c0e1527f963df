import type { EditionDefinition } from '@paritrana/contracts';
import { DomainError, type Tx } from '@paritrana/platform';

/** Ranking's projection of the editions (ranking.editions): the definitions boards are ranked by. */
export abstract class EditionStore {
  /** Saves a definition, replacing the one held for its code. */
  abstract save(tx: Tx, definition: EditionDefinition): Promise<void>;
  abstract find(tx: Tx, code: string): Promise<EditionDefinition | undefined>;

  /** The edition, or a transient refusal: its definition is expected to arrive later. */
  async get(tx: Tx, code: string): Promise<EditionDefinition> {
    const edition = await this.find(tx, code);
    if (!edition) throw DomainError.unavailable('EDITION_NOT_YET_KNOWN', `Edition ${code} has not reached ranking yet`);
    return edition;
  }
}
