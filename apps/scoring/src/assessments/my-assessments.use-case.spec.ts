import type { Principal } from '@paritrana/contracts';
import { ids, principals, regencyEdition, regencyNomination, scoringTestKit } from '../testing/scoring-test-kit';
import { MyAssessmentsUseCase } from './my-assessments.use-case';

describe('MyAssessmentsUseCase', () => {
  it('should list the assessor’s own assessments of the edition, newest first, superseded ones and withdrawn nominations included', async () => {
    const kit = scoringTestKit();
    await kit.editions.save(kit.tx, regencyEdition('2024'));
    await kit.editions.save(kit.tx, regencyEdition('2023'));
    await kit.scores.upsertNominations(kit.tx, [
      regencyNomination(ids.a, '2024'),
      regencyNomination(ids.b, '2024'),
      regencyNomination(ids.c, '2023'),
    ]);
    await kit.scores.withdraw(kit.tx, regencyNomination(ids.b, '2024'), '2024-06-01T00:00:00.000Z');
    const assess = (by: Principal, nominationId: string, submittedAt: string) =>
      kit.assessments.record(kit.tx, {
        id: `${by.sub}-${nominationId.slice(-1)}-${submittedAt.slice(11, 13)}`,
        nominationId,
        assessor: by.sub,
        assessorName: by.name,
        round: 'interview',
        scores: { interview: 80 },
        conflictOfInterest: false,
        comment: 'cukup',
        submittedAt,
      });
    await assess(principals.assessorJambi, ids.a, '2024-05-01T08:00:00.000Z');
    await assess(principals.assessorJambi, ids.a, '2024-05-01T09:00:00.000Z');
    await assess(principals.assessorJambi, ids.b, '2024-05-01T10:00:00.000Z');
    await assess(principals.assessorJambi, ids.c, '2024-05-01T11:00:00.000Z');
    await assess(principals.assessorJambi2, ids.a, '2024-05-01T12:00:00.000Z');
    const sut = new MyAssessmentsUseCase(kit.transactions, kit.scores, kit.assessments);

    const mine = await sut.execute({ edition: '2024', by: principals.assessorJambi });

    expect(mine.edition).toBe('2024');
    expect(mine.assessments.map((a) => [a.id, a.current, a.supersededBy, a.nomination.withdrawnAt])).toEqual([
      ['assessor-jambi-b-10', true, null, '2024-06-01T00:00:00.000Z'],
      ['assessor-jambi-a-09', true, null, null],
      ['assessor-jambi-a-08', false, 'assessor-jambi-a-09', null],
    ]);
    expect(mine.assessments[1]).toMatchObject({
      nominationId: ids.a,
      round: 'interview',
      scores: { interview: 80 },
      comment: 'cukup',
      nomination: { tier: 'provincial', province: '15', category: 'regency', nominee: regencyNomination(ids.a, '2024').nominee },
    });
  });
});
