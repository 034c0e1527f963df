import type { EditionDefinition } from '@paritrana/contracts';
import type { Tx } from '@paritrana/platform';
import { InMemoryEditionStore } from './in-memory-edition-store';
import { ProjectEditionUseCase } from './project-edition.use-case';

const tx = {} as Tx;
const edition = (name: string) => ({ code: '2024', name, zones: [], categories: [] }) as unknown as EditionDefinition;

describe('ProjectEditionUseCase', () => {
  it('should keep the definition when an edition is defined', async () => {
    const editions = new InMemoryEditionStore();
    const sut = new ProjectEditionUseCase(editions);

    expect(await sut.execute(edition('Paritrana Award 2024'), tx)).toEqual({ code: '2024' });
    expect(await editions.get(tx, '2024')).toEqual(edition('Paritrana Award 2024'));
  });

  it('should replace the definition when the edition is defined again', async () => {
    const editions = new InMemoryEditionStore();
    const sut = new ProjectEditionUseCase(editions);
    await sut.execute(edition('Paritrana Award 2024'), tx);

    await sut.execute(edition('Paritrana Award 2024 (revisi)'), tx);

    expect((await editions.get(tx, '2024')).name).toBe('Paritrana Award 2024 (revisi)');
  });

  it('should refuse with EDITION_NOT_YET_KNOWN (transient) when an edition is needed before it arrived', async () => {
    const sut = new InMemoryEditionStore();

    await expect(sut.get(tx, '2099')).rejects.toMatchObject({ code: 'EDITION_NOT_YET_KNOWN', kind: 'unavailable' });
  });
});
