import { Injectable } from '@nestjs/common';
import type { CloudEvent } from '@paritrana/contracts';
import type { Tx } from '@paritrana/platform';
import { EditionStore } from '../editions/edition-store';
import { RescoreUseCase, type ScoreCalculated } from './rescore.use-case';
import { ScoreStore, type NominationVersion } from './score-store';

/** A nomination's content at one version (a submission is version 1), and the event that brought it. */
export interface NominationChanged {
  nomination: NominationVersion;
  cause: CloudEvent;
}

/**
 * Keeps scoring's copy of each nomination's indicators and re-scores the ones that changed. A stale
 * version (an amendment overtaken by a newer one, a submission after its amendment) changes nothing.
 */
@Injectable()
export class ScoreNominationsUseCase {
  constructor(
    private readonly editions: EditionStore,
    private readonly scores: ScoreStore,
    private readonly rescore: RescoreUseCase,
  ) {}

  async execute(changes: NominationChanged[], tx: Tx): Promise<ScoreCalculated[]> {
    const newest = newestVersions(changes);
    // Every edition must be known before anything is stored: a missing one is retried as a whole.
    for (const edition of new Set(newest.map((c) => c.nomination.edition))) await this.editions.get(tx, edition);
    const stored = await this.scores.upsertNominations(
      tx,
      newest.map((c) => c.nomination),
    );
    const causes = new Map(newest.map((c) => [c.nomination.nominationId, c.cause]));
    return this.rescore.execute(
      stored.map((nomination) => ({ nomination, cause: causes.get(nomination.nominationId) })),
      tx,
    );
  }
}

/** The newest version of each nomination among the changes, the earliest change of equals. */
function newestVersions(changes: NominationChanged[]): NominationChanged[] {
  const newest = new Map<string, NominationChanged>();
  for (const change of changes) {
    const held = newest.get(change.nomination.nominationId);
    if (!held || held.nomination.version < change.nomination.version) newest.set(change.nomination.nominationId, change);
  }
  return [...newest.values()];
}
