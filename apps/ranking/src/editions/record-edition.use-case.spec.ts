import { edition, tx } from '../testing/ranking.fixtures';
import { InMemoryEditionStore } from './in-memory-edition-store';
import { RecordEditionUseCase } from './record-edition.use-case';

describe('RecordEditionUseCase', () => {
  let editions: InMemoryEditionStore;
  let sut: RecordEditionUseCase;

  beforeEach(() => {
    editions = new InMemoryEditionStore();
    sut = new RecordEditionUseCase(editions);
  });

  it('should hold the definition when an edition is defined', async () => {
    await sut.execute({ definition: edition('2025') }, tx);

    expect(await editions.find(tx, '2025')).toEqual(edition('2025'));
  });

  it('should replace the definition when an edition is defined again', async () => {
    await sut.execute({ definition: edition('2025') }, tx);

    await sut.execute({ definition: { ...edition('2025'), name: 'Renamed' } }, tx);

    expect((await editions.get(tx, '2025')).name).toBe('Renamed');
  });

  it('should refuse as not yet known, to be retried, when an edition never defined is asked for', async () => {
    await expect(editions.get(tx, '1999')).rejects.toMatchObject({ code: 'EDITION_NOT_YET_KNOWN', kind: 'unavailable' });
  });
});
