import { ids, regencyEdition, regencyNomination, scoringTestKit } from '../testing/scoring-test-kit';
import { ScoreStatsUseCase } from './score-stats.use-case';

describe('ScoreStatsUseCase', () => {
  const setup = async () => {
    const kit = scoringTestKit();
    await kit.editions.save(kit.tx, regencyEdition('2024', { panel: false }));
    const stored = await kit.scores.upsertNominations(kit.tx, [
      regencyNomination(ids.a, '2024', 500),
      { ...regencyNomination(ids.b, '2024', 900), province: '16' },
      regencyNomination(ids.c, '2024', 700, 1, 'national'),
    ]);
    await kit.rescore.execute(
      stored.filter((n) => n.tier === 'provincial').map((nomination) => ({ nomination })),
      kit.tx,
    );
    return { ...kit, sut: new ScoreStatsUseCase(kit.transactions, kit.scores) };
  };

  it('should count the edition’s scores by tier, province and status, provincial first, when the edition is given', async () => {
    const { sut } = await setup();

    expect(await sut.execute({ edition: '2024' })).toEqual({
      edition: '2024',
      provinces: [
        { tier: 'provincial', province: '15', provisional: 0, final: 1, ineligible: 0, withdrawn: 0 },
        { tier: 'provincial', province: '16', provisional: 0, final: 1, ineligible: 0, withdrawn: 0 },
        { tier: 'national', province: '15', provisional: 1, final: 0, ineligible: 0, withdrawn: 0 },
      ],
    });
  });

  it('should count a withdrawn nomination as withdrawn only when it is withdrawn', async () => {
    const { sut, scores, tx } = await setup();
    await scores.withdraw(
      tx,
      { nominationId: ids.a, edition: '2024', tier: 'provincial', province: '15', category: 'regency' },
      '2024-06-01T00:00:00Z',
    );

    expect((await sut.execute({ edition: '2024' })).provinces[0]).toEqual({
      tier: 'provincial',
      province: '15',
      provisional: 0,
      final: 0,
      ineligible: 0,
      withdrawn: 1,
    });
  });

  it('should refuse with STATS_QUERY_INVALID when no edition is given', async () => {
    const { sut } = await setup();

    await expect(sut.execute({})).rejects.toMatchObject({ code: 'STATS_QUERY_INVALID', kind: 'invalid' });
  });
});
