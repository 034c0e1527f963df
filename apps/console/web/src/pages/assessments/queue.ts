import type { AssessmentQueueResponse, QueuedNominationResponse } from '../../api/generated/scoring/types.gen';
import type { EditionDefinitionDto } from '../../api/generated/intake/types.gen';

export type Queue = AssessmentQueueResponse;
export type QueuedNomination = QueuedNominationResponse;

/** One round of one nomination: the unit of an assessor's work. */
export interface QueueStop {
  nominationId: string;
  round: string;
}

export interface Progress {
  done: number;
  total: number;
}

/** The nominations of one board (tier, province for the provincial tier, category), with the assessor's progress per round. */
export interface QueueGroup {
  key: string;
  tier: QueuedNomination['tier'];
  province: string | undefined;
  category: string;
  nominations: QueuedNomination[];
  rounds: Array<{ round: string } & Progress>;
}

/** A round is done for the assessor once they scored it or declared a conflict in it. */
export const isWaiting = (round: { mine: unknown }) => round.mine === null;

export function progressOf(nominations: QueuedNomination[]): Progress {
  const rounds = nominations.flatMap((n) => n.rounds);
  return { done: rounds.filter((r) => !isWaiting(r)).length, total: rounds.length };
}

/** Groups the queue by board, in the queue's order (category, province, nominee). */
export function groupQueue(nominations: QueuedNomination[]): QueueGroup[] {
  const groups = new Map<string, QueueGroup>();
  for (const n of nominations) {
    const province = n.tier === 'provincial' ? n.province : undefined;
    const key = `${n.tier}:${province ?? 'national'}:${n.category}`;
    const group = groups.get(key) ?? { key, tier: n.tier, province, category: n.category, nominations: [], rounds: [] };
    group.nominations.push(n);
    for (const r of n.rounds) {
      let tally = group.rounds.find((t) => t.round === r.round);
      if (!tally) group.rounds.push((tally = { round: r.round, done: 0, total: 0 }));
      tally.total += 1;
      if (!isWaiting(r)) tally.done += 1;
    }
    groups.set(key, group);
  }
  return [...groups.values()];
}

/** Every round still waiting for the assessor, in the queue's order. */
export function waitingStops(nominations: QueuedNomination[]): QueueStop[] {
  return nominations.flatMap((n) => n.rounds.filter(isWaiting).map((r) => ({ nominationId: n.nominationId, round: r.round })));
}

/**
 * Where "save and next" goes after `current`: the next waiting round after it in the queue's
 * order (the same nomination's next round first), wrapping around; undefined when nothing waits.
 */
export function nextStop(nominations: QueuedNomination[], current: QueueStop): QueueStop | undefined {
  const order = nominations.flatMap((n) => n.rounds.map((r) => ({ nominationId: n.nominationId, round: r.round, waiting: isWaiting(r) })));
  const at = order.findIndex((s) => s.nominationId === current.nominationId && s.round === current.round);
  const rotated = at < 0 ? order : [...order.slice(at + 1), ...order.slice(0, at)];
  const next = rotated.find((s) => s.waiting);
  return next && { nominationId: next.nominationId, round: next.round };
}

type Criterion = NonNullable<EditionDefinitionDto['categories'][number]['rubrics']['provincial']>['criteria'][number];

/** A panel criterion of a round, with the range its score must fall in (linear scales). */
export interface RoundCriterion {
  code: string;
  name: string;
  weight: number;
  min?: number;
  max?: number;
}

/** The criteria the rubric of this category and tier scores in `round`. */
export function roundCriteria(edition: EditionDefinitionDto | undefined, category: string, tier: string, round: string): RoundCriterion[] {
  const rubric = edition?.categories.find((c) => c.code === category)?.rubrics[tier as 'provincial' | 'national'];
  return (rubric?.criteria ?? [])
    .filter((c: Criterion) => 'panel' in c.value && c.value.panel === round)
    .map((c: Criterion) => ({
      code: c.code,
      name: c.name,
      weight: c.weight,
      ...('linear' in c.scale ? { min: c.scale.linear.min, max: c.scale.linear.max } : {}),
    }));
}

/** A round as people read it: the names of its criteria ("Wawancara"), or its code when the rubric has none. */
export function roundName(edition: EditionDefinitionDto | undefined, category: string, tier: string, round: string): string {
  const names = roundCriteria(edition, category, tier, round).map((c) => c.name);
  return names.length > 0 ? names.join(', ') : round;
}

/** The round a scoring page opens on: the one asked for, else the first still waiting, else the first. */
export function openingRound(nomination: QueuedNomination | undefined, asked: string | null): string | undefined {
  if (!nomination) return asked ?? undefined;
  if (asked && nomination.rounds.some((r) => r.round === asked)) return asked;
  return (nomination.rounds.find(isWaiting) ?? nomination.rounds[0])?.round;
}

/** A panel assessment's scores as people read them: "85" for a round of one criterion, "Wawancara 85; Inovasi 70" otherwise. */
export function scoresText(scores: Record<string, number>, criteria: RoundCriterion[], format: (value: number) => string): string {
  const entries = Object.entries(scores);
  if (entries.length === 1 && criteria.length <= 1) return format(entries[0][1]);
  return entries.map(([code, value]) => `${criteria.find((c) => c.code === code)?.name ?? code} ${format(value)}`).join('; ');
}
