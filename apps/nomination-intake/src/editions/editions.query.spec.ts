import { regencyEdition } from '../testing/intake.fixtures';
import { InMemoryEditionStore } from './edition.store.in-memory';
import { EditionsQuery } from './editions.query';

describe('EditionsQuery', () => {
  it('should list every edition with the newest award year first', async () => {
    const older = { ...regencyEdition('2023'), awardYear: 2023 };
    const newer = { ...regencyEdition('2024'), awardYear: 2024 };
    const query = new EditionsQuery(new InMemoryEditionStore(older, newer));

    const { editions } = await query.list();

    expect(editions.map((e) => e.code)).toEqual(['2024', '2023']);
  });

  it('should answer EDITION_NOT_FOUND for an unknown code', async () => {
    await expect(new EditionsQuery(new InMemoryEditionStore()).get('1999')).rejects.toMatchObject({ code: 'EDITION_NOT_FOUND' });
  });
});
