import { createEvent, EventTypes } from '@paritrana/contracts';
import type { DomainError } from '@paritrana/platform';
import { ids, regencyEdition, regencyNomination, scoringTestKit } from '../testing/scoring-test-kit';

describe('RescoreUseCase', () => {
  const setup = async (options: { zscore?: boolean; panel?: boolean } = {}) => {
    const kit = scoringTestKit();
    await kit.editions.save(kit.tx, regencyEdition('2024', options));
    const stored = await kit.scores.upsertNominations(kit.tx, [
      regencyNomination(ids.a, '2024', 800),
      regencyNomination(ids.b, '2024', 500),
    ]);
    return { ...kit, sut: kit.rescore, a: stored[0], b: stored[1] };
  };
  const assess = (nominationId: string, assessor: string, interview: number, at: string) => ({
    id: `${nominationId.slice(0, -1)}${assessor.length}`,
    nominationId,
    assessor,
    assessorName: assessor,
    round: 'interview',
    scores: { interview },
    conflictOfInterest: false,
    comment: null,
    submittedAt: at,
  });

  it('should store and publish one score per changed nomination, caused by the event that changed it, when the rubric has no panel', async () => {
    const { sut, events, scores, a, b, tx } = await setup({ panel: false });
    const cause = createEvent(
      EventTypes.NominationWithdrawn,
      ids.c,
      { ...regencyNomination(ids.c, '2024'), withdrawnAt: '2024-05-01T00:00:00.000Z', withdrawnBy: 'x' },
      { service: 'nomination-intake' },
    );

    const outcome = await sut.execute([{ nomination: a, cause }, { nomination: b }], tx);

    expect(outcome.map((e) => [e.data.nominationId, e.data.status, e.data.total])).toEqual([
      [ids.a, 'final', 88],
      [ids.b, 'final', 70],
    ]);
    expect(events.published).toEqual(outcome);
    expect(outcome[0].causationid).toBe(cause.id);
    expect((await scores.nomination(tx, ids.b))?.total).toBe(70);
  });

  it('should stamp a new score after the previous one when the clock that stamps it is behind', async () => {
    const { sut, scores, a, tx } = await setup({ panel: false });
    const [first] = await sut.execute([{ nomination: a }], tx);
    scores.clock = () => new Date(Date.parse(first.data.calculatedAt) - 60_000);

    const [second] = await sut.execute([{ nomination: (await scores.nomination(tx, ids.a))! }], tx);

    expect(Date.parse(second.data.calculatedAt)).toBeGreaterThan(Date.parse(first.data.calculatedAt));
  });

  it('should lock pools in one order whatever order the changes come in', async () => {
    const { sut, scores, editions, a, tx } = await setup({ zscore: true });
    await editions.save(tx, regencyEdition('2025', { zscore: true }));
    const [c] = await scores.upsertNominations(tx, [regencyNomination(ids.c, '2025', 600)]);

    await sut.execute([{ nomination: c }, { nomination: a }], tx);
    const reversed = scores.lockedPools.splice(0);
    await sut.execute([{ nomination: a }, { nomination: c }], tx);

    expect(reversed).toEqual(['2024|provincial|regency', '2025|provincial|regency']);
    expect(scores.lockedPools).toEqual(reversed);
  });

  it('should leave the score provisional when the panel has not scored', async () => {
    const { sut, a, tx } = await setup();

    const [event] = await sut.execute([{ nomination: a }], tx);

    expect(event.data.status).toBe('provisional');
  });

  it('should not score a nomination when it was withdrawn', async () => {
    const { sut, scores, events, a, tx } = await setup();
    await scores.withdraw(tx, a, '2024-05-01T00:00:00.000Z');

    const outcome = await sut.execute([{ nomination: (await scores.nomination(tx, ids.a))! }], tx);

    expect(outcome).toEqual([]);
    expect(events.published).toEqual([]);
  });

  it('should re-score the whole pool under its lock when another assessor’s scores move the normalised panel', async () => {
    const { sut, scores, assessments, a, b, tx } = await setup({ zscore: true });
    await assessments.record(tx, assess(ids.a, 'lenient', 95, '2024-05-01T08:00:00.000Z'));
    await assessments.record(tx, assess(ids.b, 'lenient', 85, '2024-05-01T08:01:00.000Z'));
    await sut.execute([{ nomination: a }, { nomination: b }], tx);
    const [c] = await scores.upsertNominations(tx, [regencyNomination(ids.c, '2024', 600)]);
    await assessments.record(tx, assess(ids.c, 'harsh', 40, '2024-05-01T09:00:00.000Z'));

    const outcome = await sut.execute([{ nomination: c }], tx);

    expect(outcome.map((e) => e.data.nominationId).sort()).toEqual([ids.a, ids.b, ids.c]);
    expect(scores.lockedPools).toContain('2024|provincial|regency');
  });

  it.each([
    ['EDITION_NOT_YET_KNOWN', 'unavailable', 'the edition has not reached scoring', { edition: '2099' }],
    ['RUBRIC_MISSING', 'invalid', 'the edition has no rubric for the tier', { tier: 'national' as const }],
  ])('should refuse with %s (%s) when %s', async (code, kind, _case, change) => {
    const { sut, events, a, tx } = await setup();

    const refusal = await sut.execute([{ nomination: { ...a, ...change } }], tx).catch((e: DomainError) => e);

    expect(refusal).toMatchObject({ code, kind });
    expect(events.published).toEqual([]);
  });
});
