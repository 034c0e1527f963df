import type { Tx } from '@paritrana/platform';
import { AssessmentStore, type Assessment, type NewAssessment } from './assessment-store';

export class InMemoryAssessmentStore extends AssessmentStore {
  readonly assessments: Assessment[] = [];

  override async current(tx: Tx, nominationIds: string[]): Promise<Assessment[]> {
    return (await this.history(tx, nominationIds)).filter((a) => a.supersededAt === null);
  }

  override async history(_tx: Tx, nominationIds: string[]): Promise<Assessment[]> {
    return this.assessments
      .filter((a) => nominationIds.includes(a.nominationId))
      .sort((a, b) => a.submittedAt.localeCompare(b.submittedAt) || a.id.localeCompare(b.id))
      .map((a) => structuredClone(a));
  }

  override async byAssessor(_tx: Tx, assessor: string): Promise<Assessment[]> {
    return this.assessments
      .filter((a) => a.assessor === assessor)
      .sort((a, b) => b.submittedAt.localeCompare(a.submittedAt) || a.id.localeCompare(b.id))
      .map((a) => structuredClone(a));
  }

  override async record(_tx: Tx, a: NewAssessment): Promise<string | undefined> {
    const held = this.assessments.find(
      (x) => x.nominationId === a.nominationId && x.assessor === a.assessor && x.round === a.round && x.supersededAt === null,
    );
    if (held) Object.assign(held, { supersededAt: a.submittedAt, supersededBy: a.id });
    this.assessments.push({ ...structuredClone(a), supersededAt: null, supersededBy: null });
    return held?.id;
  }
}
