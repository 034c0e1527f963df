import type { Principal } from '@paritrana/contracts';
import type { DomainError } from '@paritrana/platform';
import { ids, principals, regencyEdition, regencyNomination, scoringTestKit } from '../testing/scoring-test-kit';
import { NominationAssessmentsUseCase } from './nomination-assessments.use-case';

describe('NominationAssessmentsUseCase', () => {
  const setup = async () => {
    const kit = scoringTestKit();
    await kit.editions.save(kit.tx, regencyEdition('2024'));
    await kit.scores.upsertNominations(kit.tx, [
      regencyNomination(ids.a, '2024'),
      { ...regencyNomination(ids.b, '2024'), tier: 'national' },
    ]);
    let clock = 0;
    const assess = (by: Principal, round: string, options: { conflictOfInterest?: boolean; score?: number } = {}) => {
      const submittedAt = new Date(Date.UTC(2024, 4, 1, 8, clock++)).toISOString();
      return kit.assessments.record(kit.tx, {
        id: `${by.sub}-${round}-${submittedAt}`,
        nominationId: ids.a,
        assessor: by.sub,
        assessorName: by.name,
        round,
        scores: options.conflictOfInterest ? {} : { [round]: options.score ?? 80 },
        conflictOfInterest: options.conflictOfInterest ?? false,
        comment: null,
        submittedAt,
      });
    };
    const sut = new NominationAssessmentsUseCase(kit.transactions, kit.scores, kit.assessments);
    const seen = async (by: Principal) => {
      const answer = await sut.execute({ nominationId: ids.a, by });
      return { who: answer.assessments.map((a) => [a.assessor, a.round, a.current]), withheld: answer.withheldRounds };
    };
    return { ...kit, sut, assess, seen };
  };

  it('should show an assessor only their own assessments, superseded ones included, until they score the round', async () => {
    const { assess, seen } = await setup();
    await assess(principals.assessorJambi2, 'interview', { score: 95 });
    await assess(principals.assessorJambi, 'interview', { score: 60 });
    await assess(principals.assessorJambi, 'interview', { score: 70 });

    expect(await seen(principals.assessorJambi)).toEqual({
      who: [
        ['assessor-jambi-2', 'interview', true],
        ['assessor-jambi', 'interview', false],
        ['assessor-jambi', 'interview', true],
      ],
      withheld: [],
    });
    expect(await seen(principals.assessorJambi2)).toEqual({
      who: [
        ['assessor-jambi-2', 'interview', true],
        ['assessor-jambi', 'interview', false],
        ['assessor-jambi', 'interview', true],
      ],
      withheld: [],
    });
  });

  it('should withhold other assessors’ assessments of a round the assessor has not scored, or only declared a conflict in', async () => {
    const { assess, seen } = await setup();
    await assess(principals.assessorJambi2, 'interview', { score: 95 });
    await assess(principals.assessorJambi2, 'verification', { score: 90 });
    await assess(principals.assessorJambi, 'verification', { conflictOfInterest: true });

    expect(await seen(principals.assessorJambi)).toEqual({
      who: [['assessor-jambi', 'verification', true]],
      withheld: ['interview', 'verification'],
    });
  });

  it('should show panel chairs and the secretariat every assessment', async () => {
    const { assess, seen } = await setup();
    await assess(principals.assessorJambi, 'interview');
    await assess(principals.assessorJambi2, 'interview', { conflictOfInterest: true });

    for (const reader of [principals.chairJambi, principals.secretariat]) {
      expect(await seen(reader)).toEqual({
        who: [
          ['assessor-jambi', 'interview', true],
          ['assessor-jambi-2', 'interview', true],
        ],
        withheld: [],
      });
    }
  });

  it.each([
    ['an unknown nomination', ids.c, principals.assessorJambi, { code: 'NOMINATION_NOT_FOUND', kind: 'not-found' }],
    ['a province the token does not cover', ids.a, principals.assessorAceh, { code: 'NOMINATION_OUT_OF_SCOPE', kind: 'forbidden' }],
    [
      'a provincial nomination asked by the national jury',
      ids.a,
      principals.nationalJury,
      { code: 'NOMINATION_OUT_OF_SCOPE', kind: 'forbidden' },
    ],
  ])('should refuse %s', async (_case, nominationId, by, expected) => {
    const { sut } = await setup();

    const refused = await sut.execute({ nominationId, by }).catch((e: DomainError) => e);

    expect(refused).toMatchObject(expected);
  });
});
