import { Injectable } from '@nestjs/common';
import { boardIdOf, findCategory, type BoardKey, type EditionDefinition, type Tier } from '@paritrana/contracts';
import type { Tx } from '@paritrana/platform';
import { EditionStore } from '../editions/edition-store';
import { BoardStore } from './board-store';

export interface PlacedNomination {
  edition: string;
  tier: Tier;
  province: string;
  category: string;
}

/** Finds, and creates when new, the board each nomination competes on. */
@Injectable()
export class BoardPlacement {
  constructor(
    private readonly boards: BoardStore,
    private readonly editions: EditionStore,
  ) {}

  /**
   * The board id of each nomination, in order. Only boards of a known edition are created: one the
   * announcer could not show would hold up every announcement.
   */
  async place(tx: Tx, nominations: PlacedNomination[]): Promise<string[]> {
    const editions = new Map<string, EditionDefinition>();
    for (const code of new Set(nominations.map((n) => n.edition))) editions.set(code, await this.editions.get(tx, code));
    const keys = nominations.map((n): BoardKey & { boardId: string } => {
      const key: BoardKey = { edition: n.edition, tier: n.tier, scope: scopeOf(editions.get(n.edition)!, n), category: n.category };
      return { boardId: boardIdOf(key), ...key };
    });
    await this.boards.ensure(tx, keys);
    return keys.map((k) => k.boardId);
  }
}

/** A province's board in the provincial tier; in the national tier its zone's or the national one. */
function scopeOf(edition: EditionDefinition, n: PlacedNomination): string {
  if (n.tier !== 'national') return n.province;
  return findCategory(edition, n.category)?.nationalScope === 'zone'
    ? (edition.zones.find((z) => z.provinces.includes(n.province))?.code ?? 'national')
    : 'national';
}
