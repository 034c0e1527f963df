import { createEvent, EventTypes } from '@paritrana/contracts';
import { ids, regencyEdition, regencyNomination, scoringTestKit } from '../testing/scoring-test-kit';
import { WithdrawNominationUseCase } from './withdraw-nomination.use-case';

describe('WithdrawNominationUseCase', () => {
  const setup = async (zscore = false) => {
    const kit = scoringTestKit();
    await kit.editions.save(kit.tx, regencyEdition('2024', { zscore }));
    return { ...kit, sut: new WithdrawNominationUseCase(kit.scores, kit.rescore) };
  };
  const withdrawal = (nominationId: string) => {
    const { edition, tier, province, category } = regencyNomination(nominationId, '2024');
    return createEvent(
      EventTypes.NominationWithdrawn,
      nominationId,
      { nominationId, edition, tier, province, category, withdrawnAt: '2024-06-01T00:00:00.000Z', withdrawnBy: 'ro-jambi' },
      { service: 'nomination-intake' },
    );
  };
  const assess = (nominationId: string, assessor: string, interview: number) => ({
    id: `${nominationId.slice(0, -2)}${assessor.length.toString().padStart(2, '0')}`,
    nominationId,
    assessor,
    assessorName: assessor,
    round: 'interview',
    scores: { interview },
    conflictOfInterest: false,
    comment: null,
    submittedAt: '2024-05-01T08:00:00.000Z',
  });

  it('should mark the nomination withdrawn and publish no score for it when it is withdrawn', async () => {
    const { sut, scores, events, tx } = await setup();
    await scores.upsertNominations(tx, [regencyNomination(ids.a, '2024')]);

    const outcome = await sut.execute(withdrawal(ids.a), tx);

    expect(outcome).toEqual([]);
    expect(events.published).toEqual([]);
    expect((await scores.nomination(tx, ids.a))?.withdrawnAt).toBe('2024-06-01T00:00:00.000Z');
    expect(await scores.pool(tx, '2024', 'provincial', 'regency')).toEqual([]);
  });

  it('should keep a placeholder and re-score nothing when the withdrawal overtakes the submission', async () => {
    const { sut, scores, tx } = await setup();

    const outcome = await sut.execute(withdrawal(ids.a), tx);

    expect(outcome).toEqual([]);
    expect(await scores.nomination(tx, ids.a)).toMatchObject({ version: 0, withdrawnAt: '2024-06-01T00:00:00.000Z' });
  });

  it('should re-score the rest of the pool, caused by the withdrawal, when its assessments leave a normalised pool', async () => {
    const { sut, scores, assessments, rescore, tx } = await setup(true);
    const stored = await scores.upsertNominations(tx, [
      regencyNomination(ids.a, '2024'),
      regencyNomination(ids.b, '2024'),
      regencyNomination(ids.c, '2024'),
    ]);
    await assessments.record(tx, assess(ids.a, 'lenient', 95));
    await assessments.record(tx, assess(ids.b, 'lenient', 85));
    await assessments.record(tx, assess(ids.c, 'harsh', 40));
    await rescore.execute(
      stored.map((nomination) => ({ nomination })),
      tx,
    );
    const event = withdrawal(ids.c);

    const outcome = await sut.execute(event, tx);

    expect(outcome.map((e) => e.data.nominationId).sort()).toEqual([ids.a, ids.b]);
    expect(outcome.every((e) => e.causationid === event.id)).toBe(true);
  });
});
