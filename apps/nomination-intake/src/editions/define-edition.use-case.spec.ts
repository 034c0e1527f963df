import { EventTypes } from '@paritrana/contracts';
import { InMemoryEventPublisher } from '@paritrana/messaging';
import { InMemoryAuditLog, InMemoryTransactions } from '@paritrana/platform';
import { NOW, regencyEdition, secretariat } from '../testing/intake.fixtures';
import { DefineEditionUseCase } from './define-edition.use-case';
import { InMemoryEditionStore } from './edition.store.in-memory';

describe('DefineEditionUseCase', () => {
  let editions: InMemoryEditionStore;
  let events: InMemoryEventPublisher;
  let audit: InMemoryAuditLog;
  let sut: DefineEditionUseCase;

  beforeEach(() => {
    editions = new InMemoryEditionStore();
    events = new InMemoryEventPublisher();
    audit = new InMemoryAuditLog();
    sut = new DefineEditionUseCase(new InMemoryTransactions(), editions, events, audit);
  });

  it('should store the edition, announce it and audit it when the definition is valid', async () => {
    const definition = regencyEdition('2024');

    const result = await sut.execute({ definition, by: secretariat, now: NOW });

    expect(result).toEqual(definition);
    expect(await editions.find('2024')).toEqual(definition);
    expect(editions.editions.get('2024')?.definedBy).toBe(secretariat.sub);
    expect(events.published).toHaveLength(1);
    expect(events.published[0]).toMatchObject({
      type: EventTypes.EditionDefined,
      subject: '2024',
      data: { definition, definedAt: NOW.toISOString(), definedBy: secretariat.sub },
    });
    expect(audit.entries).toEqual([{ action: 'edition.defined', details: { code: '2024' }, actor: secretariat.sub }]);
  });

  it('should refuse with EDITION_EXISTS and publish nothing when the code is taken', async () => {
    await sut.execute({ definition: regencyEdition('2024'), by: secretariat, now: NOW });

    const attempt = sut.execute({ definition: { ...regencyEdition('2024'), name: 'Another' }, by: secretariat, now: NOW });

    await expect(attempt).rejects.toMatchObject({ code: 'EDITION_EXISTS', kind: 'conflict' });
    expect(events.published).toHaveLength(1);
    expect((await editions.find('2024'))?.name).toBe('Paritrana Award 2024');
  });

  it('should refuse with EDITION_INVALID listing the problems and store nothing when the rules are broken', async () => {
    const definition = regencyEdition('2025');
    definition.categories[0].advance = 5;

    const attempt = sut.execute({ definition, by: secretariat, now: NOW });

    await expect(attempt).rejects.toMatchObject({
      code: 'EDITION_INVALID',
      kind: 'invalid',
      errors: [{ path: 'categories.0.advance', message: 'advance (5) cannot exceed winners (3)' }],
    });
    expect(await editions.find('2025')).toBeUndefined();
    expect(events.published).toEqual([]);
    expect(audit.entries).toEqual([]);
  });
});
