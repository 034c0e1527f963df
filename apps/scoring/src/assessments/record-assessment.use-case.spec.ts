import { EventTypes } from '@paritrana/contracts';
import type { DomainError } from '@paritrana/platform';
import { ids, principals, regencyEdition, regencyNomination, scoringTestKit } from '../testing/scoring-test-kit';
import { RecordAssessmentUseCase, type RecordAssessmentCommand } from './record-assessment.use-case';

describe('RecordAssessmentUseCase', () => {
  const setup = async (options: { minAssessors?: number } = {}) => {
    const kit = scoringTestKit();
    await kit.editions.save(kit.tx, regencyEdition('2024', options));
    await kit.scores.upsertNominations(kit.tx, [
      regencyNomination(ids.a, '2024'),
      { ...regencyNomination(ids.b, '2024'), tier: 'national' },
    ]);
    const sut = new RecordAssessmentUseCase(kit.transactions, kit.scores, kit.assessments, kit.editions, kit.rescore, kit.audit);
    return { ...kit, sut };
  };
  const interview = (score: number, overrides: Partial<RecordAssessmentCommand> = {}): RecordAssessmentCommand => ({
    nominationId: ids.a,
    round: 'interview',
    scores: { interview: score },
    by: principals.assessorJambi,
    ...overrides,
  });
  const refusal = (promise: Promise<unknown>) =>
    promise.then(
      () => undefined,
      (e: DomainError) => ({ code: e.code, kind: e.kind }),
    );

  it('should make the score final and publish it when the panel reaches minAssessors', async () => {
    const { sut, events, scores, tx } = await setup();

    const outcome = await sut.execute(interview(90));

    expect(outcome.score.status).toBe('final');
    expect(outcome.supersedes).toBeUndefined();
    const published = events.ofType(EventTypes.ScoreCalculated);
    expect(published).toHaveLength(1);
    expect(published[0].data).toMatchObject({ nominationId: ids.a, status: 'final', total: outcome.score.total });
    expect((await scores.nomination(tx, ids.a))?.status).toBe('final');
  });

  it('should keep the score provisional when fewer assessors than minAssessors have scored', async () => {
    const { sut } = await setup({ minAssessors: 2 });

    const outcome = await sut.execute(interview(90));

    expect(outcome.score.status).toBe('provisional');
  });

  it('should supersede the assessor’s earlier assessment of the round when the assessor scores again', async () => {
    const { sut, assessments, tx } = await setup();
    const first = await sut.execute(interview(60), new Date('2024-05-01T08:00:00Z'));

    const second = await sut.execute(interview(90), new Date('2024-05-01T09:00:00Z'));

    expect(second.supersedes).toBe(first.id);
    const history = await assessments.history(tx, [ids.a]);
    expect(history.map((a) => [a.id, a.supersededBy])).toEqual([
      [first.id, second.id],
      [second.id, null],
    ]);
    expect(second.score.total).toBeGreaterThan(first.score.total);
  });

  it('should leave the assessor’s scores out when the assessor declares a conflict of interest', async () => {
    const { sut, assessments, tx } = await setup();

    const outcome = await sut.execute(interview(90, { conflictOfInterest: true }));

    expect(outcome.score.status).toBe('provisional');
    expect((await assessments.current(tx, [ids.a]))[0]).toMatchObject({ conflictOfInterest: true, scores: {} });
  });

  it('should audit the assessment with the score it led to when it is recorded', async () => {
    const { sut, audit } = await setup();
    const first = await sut.execute(interview(60), new Date('2024-05-01T08:00:00Z'));

    const second = await sut.execute(interview(90, { comment: 'paparan kuat' }), new Date('2024-05-01T09:00:00Z'));

    expect(audit.entries).toHaveLength(2);
    expect(audit.entries[1]).toEqual({
      action: 'assessment.recorded',
      nominationId: ids.a,
      province: '15',
      actor: principals.assessorJambi.sub,
      details: { assessmentId: second.id, round: 'interview', conflictOfInterest: false, supersedes: first.id, score: second.score },
    });
  });

  it.each([
    ['an unknown nomination', interview(90, { nominationId: ids.c }), { code: 'NOMINATION_NOT_FOUND', kind: 'not-found' }],
    [
      'a province the token does not cover',
      interview(90, { by: principals.assessorAceh }),
      { code: 'NOMINATION_OUT_OF_SCOPE', kind: 'forbidden' },
    ],
    [
      'the national round assessed by a provincial assessor',
      interview(90, { nominationId: ids.b }),
      { code: 'ASSESSMENT_OUT_OF_SCOPE', kind: 'forbidden' },
    ],
    ['an unknown round', interview(90, { round: 'site-visit' }), { code: 'ASSESSMENT_INVALID', kind: 'invalid' }],
    ['a score out of range', interview(101), { code: 'ASSESSMENT_INVALID', kind: 'invalid' }],
    ['a missing score', interview(90, { scores: {} }), { code: 'ASSESSMENT_INVALID', kind: 'invalid' }],
  ])('should refuse and record nothing when the assessment is of %s', async (_case, command, expected) => {
    const { sut, assessments, events, audit } = await setup();

    expect(await refusal(sut.execute(command))).toEqual(expected);
    expect(assessments.assessments).toHaveLength(0);
    expect(events.published).toHaveLength(0);
    expect(audit.entries).toHaveLength(0);
  });

  it('should refuse with NOMINATION_WITHDRAWN when the nomination was withdrawn', async () => {
    const { sut, scores, tx } = await setup();
    await scores.withdraw(tx, regencyNomination(ids.a, '2024'), '2024-05-01T00:00:00.000Z');

    expect(await refusal(sut.execute(interview(90)))).toEqual({ code: 'NOMINATION_WITHDRAWN', kind: 'conflict' });
  });
});
