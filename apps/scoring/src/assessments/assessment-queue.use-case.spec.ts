import type { DomainError } from '@paritrana/platform';
import type { Principal } from '@paritrana/contracts';
import { ids, principals, regencyEdition, regencyNomination, scoringTestKit } from '../testing/scoring-test-kit';
import { AssessmentQueueUseCase } from './assessment-queue.use-case';

describe('AssessmentQueueUseCase', () => {
  const setup = async () => {
    const kit = scoringTestKit();
    const edition = regencyEdition('2024', { minAssessors: 2 });
    const [regency] = edition.categories;
    await kit.editions.save(kit.tx, {
      ...edition,
      categories: [
        { ...regency, tiers: ['provincial', 'national'], rubrics: { ...regency.rubrics, national: regency.rubrics.provincial } },
      ],
    });
    await kit.editions.save(kit.tx, regencyEdition('2023', { panel: false }));
    await kit.scores.upsertNominations(kit.tx, [
      regencyNomination(ids.a, '2024'),
      { ...regencyNomination(ids.b, '2024'), tier: 'national' },
      { ...regencyNomination(ids.c, '2024'), province: '11' },
      regencyNomination(ids.d, '2024'),
    ]);
    await kit.scores.withdraw(kit.tx, regencyNomination(ids.d, '2024'), '2024-05-01T00:00:00.000Z');
    const assess = (by: Principal, nominationId: string, conflictOfInterest = false, submittedAt = '2024-05-02T08:00:00.000Z') =>
      kit.assessments.record(kit.tx, {
        id: `${by.sub}-${nominationId}-${submittedAt}`,
        nominationId,
        assessor: by.sub,
        assessorName: by.name,
        round: 'interview',
        scores: conflictOfInterest ? {} : { interview: 80 },
        conflictOfInterest,
        comment: null,
        submittedAt,
      });
    const sut = new AssessmentQueueUseCase(kit.transactions, kit.editions, kit.scores, kit.assessments);
    return { ...kit, sut, assess };
  };

  it('should list the panel’s nominations waiting for the assessor, leaving out other provinces, the other tier and withdrawn ones', async () => {
    const { sut } = await setup();

    const queue = await sut.execute({ edition: '2024', by: principals.assessorJambi });

    expect(queue).toEqual({
      edition: '2024',
      nominations: [
        {
          nominationId: ids.a,
          tier: 'provincial',
          province: '15',
          category: 'regency',
          nominee: regencyNomination(ids.a, '2024').nominee,
          scoreStatus: 'provisional',
          minAssessors: 2,
          rounds: [{ round: 'interview', mine: null, assessors: 0 }],
        },
      ],
    });
  });

  it('should leave out a nomination found ineligible, which no panel score can bring onto the board', async () => {
    const { sut, scores, tx } = await setup();
    await scores.saveScores(tx, [
      {
        nominationId: ids.a,
        status: 'ineligible',
        total: 0,
        rubricVersion: 1,
        criteria: [],
        reasons: ['pds.wages: wages not fully reported'],
        calculatedAt: '2024-05-02T09:00:00.000Z',
      },
    ]);

    const queue = await sut.execute({ edition: '2024', by: principals.assessorJambi });

    expect(queue.nominations).toEqual([]);
  });

  it('should give the national jury the national round of every province', async () => {
    const { sut } = await setup();

    const queue = await sut.execute({ edition: '2024', by: principals.nationalJury });

    expect(queue.nominations.map((n) => [n.nominationId, n.tier])).toEqual([[ids.b, 'national']]);
  });

  it('should show the assessor’s own current assessment and count the others’ without their scores', async () => {
    const { sut, assess } = await setup();
    await assess(principals.assessorJambi, ids.a, false, '2024-05-01T08:00:00.000Z');
    await assess(principals.assessorJambi, ids.a, false, '2024-05-02T08:00:00.000Z');
    await assess(principals.assessorJambi2, ids.a, true);

    const [mine] = (await sut.execute({ edition: '2024', by: principals.assessorJambi })).nominations;
    const [theirs] = (await sut.execute({ edition: '2024', by: principals.assessorJambi2 })).nominations;

    expect(mine.rounds).toEqual([
      {
        round: 'interview',
        mine: {
          id: 'assessor-jambi-00000000-0000-4000-8000-00000000000a-2024-05-02T08:00:00.000Z',
          submittedAt: '2024-05-02T08:00:00.000Z',
          conflictOfInterest: false,
        },
        assessors: 1,
      },
    ]);
    expect(theirs.rounds[0]).toMatchObject({ mine: { conflictOfInterest: true }, assessors: 1 });
    expect(JSON.stringify(theirs)).not.toContain('"interview":80');
  });

  it('should list the categories in the edition’s order', async () => {
    const { sut, editions, scores, tx } = await setup();
    const edition = regencyEdition('2025');
    await editions.save(tx, { ...edition, categories: [edition.categories[0], { ...edition.categories[0], code: 'a-employer' }] });
    await scores.upsertNominations(tx, [
      { ...regencyNomination('00000000-0000-4000-8000-0000000000e1', '2025'), category: 'a-employer' },
      regencyNomination('00000000-0000-4000-8000-0000000000e2', '2025'),
    ]);

    const queue = await sut.execute({ edition: '2025', by: principals.assessorJambi });

    expect(queue.nominations.map((n) => n.category)).toEqual(['regency', 'a-employer']);
  });

  it('should leave out nominations whose rubric asks no assessor', async () => {
    const { sut, scores, tx } = await setup();
    await scores.upsertNominations(tx, [regencyNomination(ids.c, '2023')]);

    expect((await sut.execute({ edition: '2023', by: principals.assessorJambi })).nominations).toEqual([]);
  });

  it('should refuse with EDITION_NOT_FOUND an edition scoring does not know', async () => {
    const { sut } = await setup();

    const refused = await sut.execute({ edition: '1999', by: principals.assessorJambi }).catch((e: DomainError) => e);

    expect(refused).toMatchObject({ code: 'EDITION_NOT_FOUND', kind: 'not-found' });
  });
});
