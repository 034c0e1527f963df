import type { Rubric } from '@paritrana/contracts';
import type { Assessment } from '../assessments/assessment-store';

export interface RoundProgress {
  round: string;
  /** Nominations with at least `minAssessors` current, non-conflicted assessments in this round. */
  assessed: number;
  /** Current, non-conflicted assessments in this round. */
  assessments: number;
}

export interface AssessmentProgress {
  minAssessors: number;
  /** The nominations awaiting assessment: standing on the board (not withdrawn) and not ineligible. */
  nominations: number;
  rounds: RoundProgress[];
}

/** How far a board's panel is: per assessment round of the rubric, how many nominations have enough assessors. */
export function assessmentProgress(rubric: Rubric, nominationIds: string[], assessments: Assessment[]): AssessmentProgress {
  const rounds = [...new Set(rubric.criteria.flatMap((c) => ('panel' in c.value ? [c.value.panel] : [])))];
  const counted = new Set(nominationIds);
  const perNomination = new Map<string, number>();
  const perRound = new Map<string, number>();
  for (const a of assessments) {
    if (a.conflictOfInterest || !counted.has(a.nominationId)) continue;
    const key = `${a.round}|${a.nominationId}`;
    perNomination.set(key, (perNomination.get(key) ?? 0) + 1);
    perRound.set(a.round, (perRound.get(a.round) ?? 0) + 1);
  }
  return {
    minAssessors: rubric.minAssessors,
    nominations: counted.size,
    rounds: rounds.map((round) => ({
      round,
      assessed: nominationIds.filter((id) => (perNomination.get(`${round}|${id}`) ?? 0) >= rubric.minAssessors).length,
      assessments: perRound.get(round) ?? 0,
    })),
  };
}
