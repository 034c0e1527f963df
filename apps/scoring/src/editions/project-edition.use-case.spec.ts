import { InMemoryEditionStore } from './in-memory-edition-store';
import { ProjectEditionUseCase } from './project-edition.use-case';
import { regencyEdition } from '../testing/scoring-test-kit';
import type { Tx } from '@paritrana/platform';

describe('ProjectEditionUseCase', () => {
  const tx = {} as Tx;

  it('should keep the definition when an edition is defined', async () => {
    const editions = new InMemoryEditionStore();
    const sut = new ProjectEditionUseCase(editions);

    expect(await sut.execute(regencyEdition('2024'), tx)).toEqual({ code: '2024' });
    expect(await editions.get(tx, '2024')).toEqual(regencyEdition('2024'));
  });

  it('should replace the definition when the edition is defined again', async () => {
    const editions = new InMemoryEditionStore();
    const sut = new ProjectEditionUseCase(editions);
    await sut.execute(regencyEdition('2024'), tx);

    await sut.execute({ ...regencyEdition('2024'), name: 'Paritrana Award 2024 (revisi)' }, tx);

    expect((await editions.get(tx, '2024')).name).toBe('Paritrana Award 2024 (revisi)');
  });
});
