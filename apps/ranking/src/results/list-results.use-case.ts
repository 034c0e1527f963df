import { Injectable } from '@nestjs/common';
import { boardScopeName, type EditionDefinition, type Tier } from '@paritrana/contracts';
import { DomainError, Transactions } from '@paritrana/platform';
import { BoardStore, type PublishedWinners } from '../boards/board-store';
import { EditionStore } from '../editions/edition-store';

export interface ResultsEdition {
  code: string;
  name: string;
  assessmentYear: number;
  awardYear: number;
}

export interface ResultWinner {
  rank: number;
  title: string;
  name: string;
  kind: string;
  regionCode: string;
}

export interface BoardResult {
  boardId: string;
  tier: Tier;
  scope: string;
  scopeName: string;
  category: string;
  categoryName: string;
  publishedAt: string;
  winners: ResultWinner[];
}

export interface Results {
  edition?: ResultsEdition;
  editions: ResultsEdition[];
  boards: BoardResult[];
}

/**
 * The published winners of an edition, for anyone: each published board's titled standings with
 * the names of its province or zone and category, and nothing of the unpublished boards or of contacts.
 */
@Injectable()
export class ListResultsUseCase {
  constructor(
    private readonly transactions: Transactions,
    private readonly boards: BoardStore,
    private readonly editions: EditionStore,
  ) {}

  execute({ edition }: { edition?: string }): Promise<Results> {
    return this.transactions.read(async (tx) => {
      const definitions = new Map<string, EditionDefinition>();
      for (const code of await this.boards.editionsPublished(tx)) {
        const definition = await this.editions.find(tx, code);
        if (definition) definitions.set(code, definition);
      }
      const editions = [...definitions.values()]
        .sort((a, b) => b.awardYear - a.awardYear || b.code.localeCompare(a.code))
        .map(({ code, name, assessmentYear, awardYear }) => ({ code, name, assessmentYear, awardYear }));
      const chosen = edition === undefined ? editions[0] : editions.find((e) => e.code === edition);
      if (!chosen) {
        if (edition === undefined) return { editions, boards: [] };
        throw DomainError.notFound('RESULTS_NOT_FOUND', `Nothing of edition ${edition} has been published yet`);
      }
      const definition = definitions.get(chosen.code)!;
      const published = await this.boards.publishedWinners(tx, chosen.code);
      return { edition: chosen, editions, boards: this.inEditionOrder(published, definition) };
    });
  }

  /** National and zone boards first, then the provinces by code; categories in the edition's order. */
  private inEditionOrder(published: PublishedWinners[], edition: EditionDefinition): BoardResult[] {
    const categoryOrder = (code: string) => {
      const i = edition.categories.findIndex((c) => c.code === code);
      return i < 0 ? edition.categories.length : i;
    };
    return published
      .map((b) => ({
        boardId: b.boardId,
        tier: b.tier,
        scope: b.scope,
        scopeName: boardScopeName(b, edition.zones),
        category: b.category,
        categoryName: edition.categories.find((c) => c.code === b.category)?.name ?? b.category,
        publishedAt: b.publishedAt,
        winners: b.winners.map((w) => ({
          rank: w.rank,
          title: w.title!,
          name: w.nominee.name,
          kind: w.nominee.kind,
          regionCode: w.nominee.regionCode,
        })),
      }))
      .sort(
        (a, b) =>
          (a.tier === b.tier ? 0 : a.tier === 'national' ? -1 : 1) ||
          a.scope.localeCompare(b.scope) ||
          categoryOrder(a.category) - categoryOrder(b.category),
      );
  }
}
