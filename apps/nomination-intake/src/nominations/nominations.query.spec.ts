import type { Principal } from '@paritrana/contracts';
import type { Tx } from '@paritrana/platform';
import { InMemoryEditionStore } from '../editions/edition.store.in-memory';
import { jambiOffice, NOW, regencyEdition, regencyNomination, secretariat } from '../testing/intake.fixtures';
import { NominationRules } from './nomination-rules';
import type { ListNominationsQuery } from './nomination.dto';
import type { NominationEntity } from './nomination.entity';
import { InMemoryNominationStore } from './nomination.store.in-memory';
import { NominationsQuery } from './nominations.query';

const query = (q: Partial<ListNominationsQuery> = {}) => ({ page: 1, pageSize: 50, ...q }) as ListNominationsQuery;
const assessor: Principal = { sub: 'assessor-1', name: 'Assessor', role: 'assessor' };
const sumselOffice: Principal = { sub: 'office-16', name: 'Sumatera Selatan', role: 'regional-office', provinces: ['16'] };

describe('NominationsQuery', () => {
  let nominations: InMemoryNominationStore;
  let jambi: NominationEntity[];
  let sut: NominationsQuery;

  beforeEach(async () => {
    nominations = new InMemoryNominationStore();
    const rules = new NominationRules(new InMemoryEditionStore(regencyEdition('2024')));
    jambi = [
      await rules.prepare(regencyNomination('15.08'), jambiOffice, NOW),
      await rules.prepare(regencyNomination('15.01'), jambiOffice, new Date(NOW.getTime() + 1000)),
    ];
    const sumsel = await rules.prepare(regencyNomination('16.01'), secretariat, NOW);
    const national = { ...jambi[0], id: '6f1c2a7e-3b7d-4f0e-9a51-0c2d7d1e9b44', tier: 'national' as const };
    await nominations.insert({} as Tx, [...jambi, sumsel, national]);
    sut = new NominationsQuery(nominations);
  });

  it('should answer the nomination without its nominee key when the reader may see it', async () => {
    const view = await sut.get(jambi[0].id, jambiOffice);

    expect(view).toMatchObject({ id: jambi[0].id, province: '15' });
    expect(view).not.toHaveProperty('nomineeKey');
  });

  it('should refuse with NOMINATION_NOT_FOUND when the id is unknown or not a uuid', async () => {
    await expect(sut.get('00000000-0000-4000-8000-000000000000', secretariat)).rejects.toMatchObject({ code: 'NOMINATION_NOT_FOUND' });
    await expect(sut.get('nope', secretariat)).rejects.toMatchObject({ code: 'NOMINATION_NOT_FOUND' });
  });

  it('should refuse with NOMINATION_OUT_OF_SCOPE when the nomination is outside the token', async () => {
    await expect(sut.get(jambi[0].id, sumselOffice)).rejects.toMatchObject({ code: 'NOMINATION_OUT_OF_SCOPE', kind: 'forbidden' });
  });

  it("should list only the token's provinces, oldest first, when a regional office lists", async () => {
    const page = await sut.list(query({ tier: 'provincial' }), jambiOffice);

    expect(page).toMatchObject({ page: 1, pageSize: 50, total: 2 });
    expect(page.items.map((n) => n.id)).toEqual(jambi.map((n) => n.id));
  });

  it('should list only the national round when an assessor without provinces lists', async () => {
    const page = await sut.list(query(), assessor);

    expect(page.items.map((n) => n.tier)).toEqual(['national']);
  });

  it("should find nominations by words of the nominee's name, in any case", async () => {
    const bungo = jambi.find((n) => n.nominee.regionCode === '15.08')!;

    const { items, total } = await sut.list(query({ q: 'kab  BUNGO', tier: 'provincial' }), secretariat);

    expect(total).toBe(1);
    expect(items.map((n) => n.id)).toEqual([bungo.id]);
    expect((await sut.list(query({ q: 'bungo kab' }), secretariat)).total).toBe(0);
  });

  it('should page and count every match when a page is asked for', async () => {
    const page = await sut.list(query({ pageSize: 1, page: 2, tier: 'provincial' }), secretariat);

    expect(page.total).toBe(3);
    expect(page.items).toHaveLength(1);
  });

  it('should refuse with PROVINCE_OUT_OF_SCOPE when a regional office filters on a province outside its token', async () => {
    await expect(sut.list(query({ province: '15' }), sumselOffice)).rejects.toMatchObject({ code: 'PROVINCE_OUT_OF_SCOPE' });
  });
});
