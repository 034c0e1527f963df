import type { Rubric } from '@paritrana/contracts';
import type { Assessment } from '../assessments/assessment-store';
import { assessmentProgress } from './assessment-progress';

const rubric: Rubric = {
  version: 1,
  minAssessors: 2,
  eligibility: [],
  criteria: [
    { code: 'coverage', name: 'Coverage', weight: 50, value: { indicator: 'coverage' }, scale: { linear: { min: 0, max: 1 } } },
    { code: 'interview', name: 'Wawancara', weight: 30, value: { panel: 'interview' }, scale: { linear: { min: 0, max: 100 } } },
    { code: 'presence', name: 'Kehadiran', weight: 10, value: { panel: 'interview' }, scale: { linear: { min: 0, max: 100 } } },
    { code: 'documents', name: 'Berkas', weight: 10, value: { panel: 'verification' }, scale: { linear: { min: 0, max: 100 } } },
  ],
  tieBreak: [],
};

const assessment = (nominationId: string, assessor: string, round: string, conflictOfInterest = false): Assessment => ({
  id: `${nominationId}-${assessor}-${round}`,
  nominationId,
  assessor,
  assessorName: assessor,
  round,
  scores: {},
  conflictOfInterest,
  comment: null,
  submittedAt: '2025-03-05T09:00:00.000Z',
  supersededAt: null,
  supersededBy: null,
});

describe('assessmentProgress', () => {
  it('should count per round the nominations that reached minAssessors and the assessments given', () => {
    const progress = assessmentProgress(
      rubric,
      ['a', 'b', 'c'],
      [
        assessment('a', 'p1', 'interview'),
        assessment('a', 'p2', 'interview'),
        assessment('b', 'p1', 'interview'),
        assessment('a', 'p1', 'verification'),
        assessment('a', 'p2', 'verification'),
        assessment('c', 'p1', 'verification'),
      ],
    );

    expect(progress).toEqual({
      minAssessors: 2,
      nominations: 3,
      rounds: [
        { round: 'interview', assessed: 1, assessments: 3 },
        { round: 'verification', assessed: 1, assessments: 3 },
      ],
    });
  });

  it('should leave out a declared conflict and the assessments of nominations not counted', () => {
    const progress = assessmentProgress(
      rubric,
      ['a'],
      [assessment('a', 'p1', 'interview'), assessment('a', 'p2', 'interview', true), assessment('withdrawn', 'p1', 'interview')],
    );

    expect(progress.rounds[0]).toEqual({ round: 'interview', assessed: 0, assessments: 1 });
  });

  it('should have no rounds when the rubric is scored from data alone', () => {
    expect(assessmentProgress({ ...rubric, criteria: [rubric.criteria[0]] }, ['a'], []).rounds).toEqual([]);
  });
});
