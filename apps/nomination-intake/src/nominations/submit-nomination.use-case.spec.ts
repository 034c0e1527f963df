import { EventTypes } from '@paritrana/contracts';
import { InMemoryEventPublisher } from '@paritrana/messaging';
import { InMemoryAuditLog, InMemoryTransactions, type Tx } from '@paritrana/platform';
import { InMemoryEditionStore } from '../editions/edition.store.in-memory';
import { jambiOffice, NOW, regencyEdition, regencyNomination } from '../testing/intake.fixtures';
import { InMemoryIdempotencyKeyStore } from './idempotency-key.store.in-memory';
import { NominationRules } from './nomination-rules';
import { InMemoryNominationStore } from './nomination.store.in-memory';
import { requestHash, SubmitNominationUseCase } from './submit-nomination.use-case';

describe('SubmitNominationUseCase', () => {
  let nominations: InMemoryNominationStore;
  let idempotencyKeys: InMemoryIdempotencyKeyStore;
  let events: InMemoryEventPublisher;
  let audit: InMemoryAuditLog;
  let sut: SubmitNominationUseCase;

  const build = (editions = new InMemoryEditionStore(regencyEdition('2024'))) =>
    new SubmitNominationUseCase(new InMemoryTransactions(), nominations, idempotencyKeys, new NominationRules(editions), events, audit);

  beforeEach(() => {
    nominations = new InMemoryNominationStore();
    idempotencyKeys = new InMemoryIdempotencyKeyStore();
    events = new InMemoryEventPublisher();
    audit = new InMemoryAuditLog();
    sut = build();
  });

  it('should store the nomination, announce it and audit it when it is valid and in scope', async () => {
    const accepted = await sut.execute({ nomination: regencyNomination('15.08'), by: jambiOffice, now: NOW });

    expect(accepted).toEqual({ id: expect.any(String), status: 'submitted', submittedAt: NOW.toISOString() });
    const [stored] = nominations.all();
    expect(stored).toMatchObject({
      id: accepted.id,
      edition: '2024',
      tier: 'provincial',
      province: '15',
      nomineeKey: '15.08',
      nominee: { kind: 'regency', regionCode: '15.08', name: 'Kabupaten Bungo' },
      status: 'submitted',
      version: 1,
      submittedBy: jambiOffice.sub,
      documents: [],
    });
    expect(events.published).toHaveLength(1);
    expect(events.published[0]).toMatchObject({
      type: EventTypes.NominationSubmitted,
      subject: accepted.id,
      data: {
        nominationId: accepted.id,
        province: '15',
        category: 'regency',
        submittedBy: jambiOffice.sub,
        submittedAt: NOW.toISOString(),
      },
    });
    expect(audit.entries).toEqual([{ action: 'nomination.submitted', nominationId: accepted.id, province: '15', actor: jambiOffice.sub }]);
  });

  it('should refuse with PROVINCE_OUT_OF_SCOPE and store nothing when the province is outside the token', async () => {
    const attempt = sut.execute({ nomination: regencyNomination('16.01'), by: jambiOffice, now: NOW });

    await expect(attempt).rejects.toMatchObject({ code: 'PROVINCE_OUT_OF_SCOPE', kind: 'forbidden' });
    expect(nominations.all()).toEqual([]);
    expect(events.published).toEqual([]);
  });

  it('should refuse with NOMINATION_INVALID naming the field when the edition is unknown', async () => {
    const attempt = sut.execute({ nomination: regencyNomination('15.08', { edition: '1999' }), by: jambiOffice, now: NOW });

    await expect(attempt).rejects.toMatchObject({
      code: 'NOMINATION_INVALID',
      kind: 'invalid',
      errors: [{ path: 'edition', message: 'unknown edition 1999' }],
    });
  });

  it('should refuse with NOMINATION_INVALID on the tier when the submission window is closed', async () => {
    sut = build(new InMemoryEditionStore(regencyEdition('2024', { provincialOpen: false })));

    const attempt = sut.execute({ nomination: regencyNomination('15.08'), by: jambiOffice, now: NOW });

    await expect(attempt).rejects.toMatchObject({
      code: 'NOMINATION_INVALID',
      errors: [{ path: 'tier', message: expect.stringMatching(/is closed$/) }],
    });
    expect(nominations.all()).toEqual([]);
  });

  it('should refuse with NOMINATION_DUPLICATE and publish once when the nominee is already nominated', async () => {
    await sut.execute({ nomination: regencyNomination('15.08'), by: jambiOffice, now: NOW });

    const attempt = sut.execute({
      nomination: regencyNomination('15.08', { contact: { name: 'Other', email: 'o@example.go.id' } }),
      by: jambiOffice,
      now: NOW,
    });

    await expect(attempt).rejects.toMatchObject({ code: 'NOMINATION_DUPLICATE', kind: 'conflict' });
    expect(nominations.all()).toHaveLength(1);
    expect(events.published).toHaveLength(1);
    expect(audit.entries).toHaveLength(1);
  });

  it('should answer the first response and create nothing more when a request is retried with its Idempotency-Key', async () => {
    const first = await sut.execute({ nomination: regencyNomination('15.08'), by: jambiOffice, idempotencyKey: 'import-1', now: NOW });

    const retried = await sut.execute({
      nomination: { ...regencyNomination('15.08') },
      by: jambiOffice,
      idempotencyKey: 'import-1',
      now: new Date(NOW.getTime() + 60_000),
    });

    expect(retried).toEqual(first);
    expect(nominations.all()).toHaveLength(1);
    expect(events.published).toHaveLength(1);
  });

  it('should keep keys apart per principal when another principal uses the same Idempotency-Key', async () => {
    await sut.execute({ nomination: regencyNomination('15.08'), by: jambiOffice, idempotencyKey: 'k', now: NOW });

    const other = await sut.execute({
      nomination: regencyNomination('15.01'),
      by: { ...jambiOffice, sub: 'office-15-b' },
      idempotencyKey: 'k',
      now: NOW,
    });

    expect(nominations.all().map((n) => n.id)).toContain(other.id);
    expect(nominations.all()).toHaveLength(2);
  });

  it('should refuse with IDEMPOTENCY_KEY_REUSED when the key comes back with another body', async () => {
    await sut.execute({ nomination: regencyNomination('15.08'), by: jambiOffice, idempotencyKey: 'import-1', now: NOW });

    const attempt = sut.execute({ nomination: regencyNomination('15.01'), by: jambiOffice, idempotencyKey: 'import-1', now: NOW });

    await expect(attempt).rejects.toMatchObject({
      code: 'IDEMPOTENCY_KEY_REUSED',
      kind: 'invalid',
      errors: [{ path: 'Idempotency-Key', message: 'was used with a different body' }],
    });
    expect(nominations.all()).toHaveLength(1);
  });

  it('should refuse with IDEMPOTENCY_KEY_INVALID when the key is not visible ASCII', async () => {
    const attempt = sut.execute({ nomination: regencyNomination('15.08'), by: jambiOffice, idempotencyKey: 'with space', now: NOW });

    await expect(attempt).rejects.toMatchObject({ code: 'IDEMPOTENCY_KEY_INVALID', kind: 'invalid' });
    expect(nominations.all()).toEqual([]);
  });

  it('should answer the concurrent request that claimed the key first when the claim is lost', async () => {
    const winner = { id: '6f1c2a7e-3b7d-4f0e-9a51-0c2d7d1e9b44', status: 'submitted', submittedAt: NOW.toISOString() };
    const firstLook = jest.spyOn(idempotencyKeys, 'find').mockResolvedValueOnce(undefined);
    await idempotencyKeys.claim({} as Tx, jambiOffice.sub, 'k', {
      requestHash: requestHash(regencyNomination('15.08')),
      status: 201,
      body: winner,
    });

    const answer = await sut.execute({ nomination: regencyNomination('15.08'), by: jambiOffice, idempotencyKey: 'k', now: NOW });

    expect(firstLook).toHaveBeenCalledTimes(2);
    expect(answer).toEqual(winner);
    expect(nominations.all()).toEqual([]);
    expect(events.published).toEqual([]);
  });
});
