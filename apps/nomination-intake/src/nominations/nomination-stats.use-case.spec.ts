import type { Tx } from '@paritrana/platform';
import { InMemoryEditionStore } from '../editions/edition.store.in-memory';
import { jambiOffice, NOW, regencyEdition, regencyNomination, secretariat } from '../testing/intake.fixtures';
import { NominationRules } from './nomination-rules';
import { InMemoryNominationStore } from './nomination.store.in-memory';
import { NominationStatsUseCase } from './nomination-stats.use-case';

describe('NominationStatsUseCase', () => {
  const setup = async () => {
    const nominations = new InMemoryNominationStore();
    const rules = new NominationRules(new InMemoryEditionStore(regencyEdition('2024'), regencyEdition('2025')));
    const bungo = await rules.prepare(regencyNomination('15.08'), jambiOffice, NOW);
    const kerinci = await rules.prepare(regencyNomination('15.01'), jambiOffice, NOW);
    const palembang = await rules.prepare(regencyNomination('16.71'), secretariat, NOW);
    const nextYear = await rules.prepare(regencyNomination('15.02', { edition: '2025' }), jambiOffice, NOW);
    const national = { ...bungo, id: '6f1c2a7e-3b7d-4f0e-9a51-0c2d7d1e9b44', tier: 'national' as const };
    await nominations.insert({} as Tx, [bungo, { ...kerinci, status: 'withdrawn' }, palembang, nextYear, national]);
    return new NominationStatsUseCase(nominations);
  };

  it('should count the edition’s nominations by tier and province, provincial first, when the edition is given', async () => {
    const sut = await setup();

    expect(await sut.execute({ edition: '2024' }, secretariat)).toEqual({
      edition: '2024',
      provinces: [
        { tier: 'provincial', province: '15', submitted: 1, withdrawn: 1 },
        { tier: 'provincial', province: '16', submitted: 1, withdrawn: 0 },
        { tier: 'national', province: '15', submitted: 1, withdrawn: 0 },
      ],
      categories: [
        { tier: 'provincial', province: '15', category: 'regency', submitted: 1, withdrawn: 1 },
        { tier: 'provincial', province: '16', category: 'regency', submitted: 1, withdrawn: 0 },
        { tier: 'national', province: '15', category: 'regency', submitted: 1, withdrawn: 0 },
      ],
    });
  });

  it('should count only the reader’s provinces when the reader is province-scoped', async () => {
    const sut = await setup();

    const stats = await sut.execute({ edition: '2024' }, jambiOffice);

    expect(stats.provinces.map((p) => [p.tier, p.province])).toEqual([
      ['provincial', '15'],
      ['national', '15'],
    ]);
    expect(stats.categories.every((c) => c.province === '15')).toBe(true);
  });

  it('should answer no provinces when the edition has no nominations', async () => {
    const sut = await setup();

    expect(await sut.execute({ edition: '2030' }, secretariat)).toEqual({ edition: '2030', provinces: [], categories: [] });
  });

  it('should refuse with STATS_QUERY_INVALID when no edition is given', async () => {
    const sut = await setup();

    await expect(sut.execute({}, secretariat)).rejects.toMatchObject({ code: 'STATS_QUERY_INVALID', kind: 'invalid' });
  });
});
