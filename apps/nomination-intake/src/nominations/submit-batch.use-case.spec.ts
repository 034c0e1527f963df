import { EventTypes } from '@paritrana/contracts';
import { InMemoryEventPublisher } from '@paritrana/messaging';
import { InMemoryAuditLog, InMemoryTransactions } from '@paritrana/platform';
import { InMemoryEditionStore } from '../editions/edition.store.in-memory';
import { jambiOffice, NOW, regencyEdition, regencyNomination } from '../testing/intake.fixtures';
import { NominationRules } from './nomination-rules';
import { InMemoryNominationStore } from './nomination.store.in-memory';
import { MAX_BATCH, SubmitBatchUseCase } from './submit-batch.use-case';

describe('SubmitBatchUseCase', () => {
  let transactions: InMemoryTransactions;
  let nominations: InMemoryNominationStore;
  let events: InMemoryEventPublisher;
  let audit: InMemoryAuditLog;
  let sut: SubmitBatchUseCase;

  beforeEach(() => {
    transactions = new InMemoryTransactions();
    nominations = new InMemoryNominationStore();
    events = new InMemoryEventPublisher();
    audit = new InMemoryAuditLog();
    const rules = new NominationRules(new InMemoryEditionStore(regencyEdition('2024')));
    sut = new SubmitBatchUseCase(transactions, nominations, rules, events, audit);
  });

  it('should accept every item in one transaction, announcing and auditing each, when all are valid', async () => {
    const outcomes = await sut.execute({ items: [regencyNomination('15.08'), regencyNomination('15.01')], by: jambiOffice, now: NOW });

    expect(outcomes).toEqual([
      { index: 0, outcome: 'accepted', id: expect.any(String), submittedAt: NOW.toISOString() },
      { index: 1, outcome: 'accepted', id: expect.any(String), submittedAt: NOW.toISOString() },
    ]);
    const ids = outcomes.map((o) => ('id' in o ? o.id : undefined));
    expect(nominations.all().map((n) => n.id)).toEqual(ids);
    expect(transactions.count).toBe(1);
    expect(events.ofType(EventTypes.NominationSubmitted).map((e) => e.subject)).toEqual(ids);
    expect(audit.entries).toEqual(
      ids.map((id) => ({
        action: 'nomination.submitted',
        nominationId: id,
        province: '15',
        details: { batch: true },
        actor: jambiOffice.sub,
      })),
    );
  });

  it('should answer each refused item with its outcome and store only the accepted ones when items are mixed', async () => {
    const { contact: _contact, ...withoutContact } = regencyNomination('15.02');

    const outcomes = await sut.execute({
      items: [
        regencyNomination('15.08'),
        regencyNomination('16.01'),
        regencyNomination('15.08'),
        'not a nomination',
        withoutContact,
        regencyNomination('15.01', { edition: '1999' }),
      ],
      by: jambiOffice,
      now: NOW,
    });

    expect(outcomes[0]).toMatchObject({ index: 0, outcome: 'accepted' });
    expect(outcomes.slice(1)).toEqual([
      { index: 1, outcome: 'out-of-scope', errors: [{ path: '', message: 'Your token does not cover province 16' }] },
      {
        index: 2,
        outcome: 'duplicate',
        errors: [
          {
            path: 'nominee',
            message: 'Kabupaten Bungo appears earlier in this batch',
            code: 'duplicateInBatch',
            params: { name: 'Kabupaten Bungo' },
          },
        ],
      },
      { index: 3, outcome: 'invalid', errors: [{ path: '', message: 'must be a nomination object' }] },
      { index: 4, outcome: 'invalid', errors: [expect.objectContaining({ path: 'contact' })] },
      {
        index: 5,
        outcome: 'invalid',
        errors: [{ path: 'edition', message: 'unknown edition 1999', code: 'editionUnknown', params: { edition: '1999' } }],
      },
    ]);
    expect(nominations.all()).toHaveLength(1);
    expect(events.published).toHaveLength(1);
  });

  it('should answer duplicate and announce nothing for a nominee when it is already nominated', async () => {
    await sut.execute({ items: [regencyNomination('15.08')], by: jambiOffice, now: NOW });

    const outcomes = await sut.execute({ items: [regencyNomination('15.08'), regencyNomination('15.01')], by: jambiOffice, now: NOW });

    expect(outcomes[0]).toEqual({
      index: 0,
      outcome: 'duplicate',
      errors: [
        {
          path: 'nominee',
          message: 'Kabupaten Bungo is already nominated in 2024 provincial regency',
          code: 'alreadyNominated',
          params: { name: 'Kabupaten Bungo' },
        },
      ],
    });
    expect(outcomes[1]).toMatchObject({ index: 1, outcome: 'accepted' });
    expect(nominations.all()).toHaveLength(2);
    expect(events.published).toHaveLength(2);
    expect(audit.entries).toHaveLength(2);
  });

  it('should open no transaction when no item is accepted', async () => {
    const outcomes = await sut.execute({ items: [regencyNomination('16.01')], by: jambiOffice, now: NOW });

    expect(outcomes).toEqual([{ index: 0, outcome: 'out-of-scope', errors: [expect.objectContaining({ path: '' })] }]);
    expect(transactions.count).toBe(0);
  });

  it('should answer an empty list when the batch is empty', async () => {
    await expect(sut.execute({ items: [], by: jambiOffice, now: NOW })).resolves.toEqual([]);
  });

  it('should refuse with BATCH_INVALID when the body is not an array', async () => {
    const attempt = sut.execute({ items: { nominations: [] }, by: jambiOffice, now: NOW });

    await expect(attempt).rejects.toMatchObject({
      code: 'BATCH_INVALID',
      kind: 'invalid',
      errors: [{ path: '', message: 'must be an array' }],
    });
  });

  it('should refuse with BATCH_TOO_LARGE and store nothing when the batch has more than the maximum', async () => {
    const items = Array.from({ length: MAX_BATCH + 1 }, () => regencyNomination('15.08'));

    const attempt = sut.execute({ items, by: jambiOffice, now: NOW });

    await expect(attempt).rejects.toMatchObject({
      code: 'BATCH_TOO_LARGE',
      errors: [{ path: '', message: 'has 1001 items, at most 1000' }],
    });
    expect(nominations.all()).toEqual([]);
  });

  it('should answer each item as a submission would and store, announce and audit nothing when it is a dry run', async () => {
    await sut.execute({ items: [regencyNomination('15.01')], by: jambiOffice, now: NOW });
    const before = { stored: nominations.all().length, events: events.published.length, audit: audit.entries.length };

    const outcomes = await sut.execute({
      items: [regencyNomination('15.08'), regencyNomination('15.01'), regencyNomination('16.01'), regencyNomination('15.08')],
      by: jambiOffice,
      dryRun: true,
      now: NOW,
    });

    expect(outcomes).toEqual([
      { index: 0, outcome: 'acceptable' },
      {
        index: 1,
        outcome: 'duplicate',
        errors: [
          {
            path: 'nominee',
            message: expect.stringContaining('is already nominated in 2024'),
            code: 'alreadyNominated',
            params: expect.any(Object),
          },
        ],
      },
      { index: 2, outcome: 'out-of-scope', errors: expect.any(Array) },
      {
        index: 3,
        outcome: 'duplicate',
        errors: [
          {
            path: 'nominee',
            message: expect.stringContaining('appears earlier in this batch'),
            code: 'duplicateInBatch',
            params: expect.any(Object),
          },
        ],
      },
    ]);
    expect({ stored: nominations.all().length, events: events.published.length, audit: audit.entries.length }).toEqual(before);
  });
});
