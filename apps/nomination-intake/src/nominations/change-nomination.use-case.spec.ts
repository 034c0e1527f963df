import { EventTypes, type Principal } from '@paritrana/contracts';
import { InMemoryEventPublisher } from '@paritrana/messaging';
import { InMemoryAuditLog, InMemoryTransactions, type Tx } from '@paritrana/platform';
import { InMemoryEditionStore } from '../editions/edition.store.in-memory';
import { jambiOffice, NOW, regencyEdition, regencyNomination, secretariat } from '../testing/intake.fixtures';
import { ChangeNominationUseCase } from './change-nomination.use-case';
import { NominationRules } from './nomination-rules';
import { InMemoryNominationStore } from './nomination.store.in-memory';

const LATER = new Date(NOW.getTime() + 3600_000);
const AFTER_CLOSE = new Date(NOW.getTime() + 31 * 24 * 3600_000);

describe('ChangeNominationUseCase', () => {
  let nominations: InMemoryNominationStore;
  let events: InMemoryEventPublisher;
  let audit: InMemoryAuditLog;
  let sut: ChangeNominationUseCase;
  let id: string;

  beforeEach(async () => {
    nominations = new InMemoryNominationStore();
    events = new InMemoryEventPublisher();
    audit = new InMemoryAuditLog();
    const rules = new NominationRules(new InMemoryEditionStore(regencyEdition('2024')));
    sut = new ChangeNominationUseCase(new InMemoryTransactions(), nominations, rules, events, audit);
    const nomination = await rules.prepare(regencyNomination('15.08'), jambiOffice, NOW);
    await nominations.insert({} as Tx, [nomination]);
    id = nomination.id;
  });

  describe('amend', () => {
    it('should store the changes one version up, announce and audit them when the window is open', async () => {
      const contact = { name: 'Bagian Umum', email: 'umum@example.go.id' };

      const amended = await sut.amend({
        id,
        changes: { contact, documents: [{ name: 'SK', url: 'https://example.go.id/sk.pdf' }] },
        by: jambiOffice,
        now: LATER,
      });

      expect(amended).toMatchObject({ id, contact, version: 2, updatedAt: LATER, submittedAt: NOW });
      expect(await nominations.find(id)).toEqual(amended);
      expect(events.published).toHaveLength(1);
      expect(events.published[0]).toMatchObject({
        type: EventTypes.NominationAmended,
        subject: id,
        data: {
          nominationId: id,
          contact,
          version: 2,
          amendedFields: ['contact', 'documents'],
          amendedAt: LATER.toISOString(),
          amendedBy: jambiOffice.sub,
        },
      });
      expect(audit.entries).toEqual([
        {
          action: 'nomination.amended',
          nominationId: id,
          province: '15',
          details: { fields: ['contact', 'documents'], version: 2 },
          actor: jambiOffice.sub,
        },
      ]);
    });

    it('should replace the indicators when they are valid', async () => {
      const indicators = { workforce: { wageEarners: 70000 }, participants: { wageEarners: 50000 } };

      await sut.amend({ id, changes: { indicators }, by: secretariat, now: LATER });

      expect((await nominations.find(id))?.indicators).toEqual(indicators);
    });

    it('should refuse with AMENDMENT_EMPTY when nothing is given to amend', async () => {
      await expect(sut.amend({ id, changes: {}, by: jambiOffice, now: LATER })).rejects.toMatchObject({
        code: 'AMENDMENT_EMPTY',
        kind: 'invalid',
      });
    });

    it('should refuse with AMENDMENT_INVALID naming the field when an indicator is unknown', async () => {
      const attempt = sut.amend({ id, changes: { indicators: { bogus: 1 } }, by: jambiOffice, now: LATER });

      await expect(attempt).rejects.toMatchObject({
        code: 'AMENDMENT_INVALID',
        errors: [{ path: 'indicators.bogus', message: 'is not a known regency indicator' }],
      });
      expect((await nominations.find(id))?.version).toBe(1);
      expect(events.published).toEqual([]);
    });

    it('should refuse with AMENDMENT_INVALID on the tier when the submission window has closed', async () => {
      const attempt = sut.amend({ id, changes: { contact: { name: 'X', email: 'x@example.go.id' } }, by: jambiOffice, now: AFTER_CLOSE });

      await expect(attempt).rejects.toMatchObject({
        code: 'AMENDMENT_INVALID',
        errors: [{ path: 'tier', message: expect.stringMatching(/is closed$/) }],
      });
    });

    it('should refuse with NOMINATION_NOT_FOUND when the id is unknown or not a uuid', async () => {
      const contact = { name: 'X', email: 'x@example.go.id' };

      await expect(sut.amend({ id: '00000000-0000-4000-8000-000000000000', changes: { contact }, by: jambiOffice })).rejects.toMatchObject({
        code: 'NOMINATION_NOT_FOUND',
        kind: 'not-found',
      });
      await expect(sut.amend({ id: 'nope', changes: { contact }, by: jambiOffice })).rejects.toMatchObject({
        code: 'NOMINATION_NOT_FOUND',
      });
    });

    it('should refuse with NOMINATION_OUT_OF_SCOPE when the nomination is outside the token', async () => {
      const otherOffice: Principal = { sub: 'office-16', name: 'Sumatera Selatan', role: 'regional-office', provinces: ['16'] };

      const attempt = sut.amend({ id, changes: { contact: { name: 'X', email: 'x@example.go.id' } }, by: otherOffice, now: LATER });

      await expect(attempt).rejects.toMatchObject({ code: 'NOMINATION_OUT_OF_SCOPE', kind: 'forbidden' });
      expect(events.published).toEqual([]);
    });

    it('should refuse with NOMINATION_WITHDRAWN when the nomination was withdrawn', async () => {
      await sut.withdraw({ id, by: jambiOffice, now: NOW });

      const attempt = sut.amend({ id, changes: { contact: { name: 'X', email: 'x@example.go.id' } }, by: jambiOffice, now: LATER });

      await expect(attempt).rejects.toMatchObject({ code: 'NOMINATION_WITHDRAWN', kind: 'conflict' });
    });
  });

  describe('withdraw', () => {
    it('should mark the nomination withdrawn, announce and audit it with the reason when it is in scope', async () => {
      const withdrawn = await sut.withdraw({ id, by: jambiOffice, reason: 'Dokumen tidak lengkap', now: LATER });

      expect(withdrawn).toMatchObject({ id, status: 'withdrawn', withdrawnAt: LATER, updatedAt: LATER, version: 1 });
      expect((await nominations.find(id))?.status).toBe('withdrawn');
      expect(events.published).toHaveLength(1);
      expect(events.published[0]).toMatchObject({
        type: EventTypes.NominationWithdrawn,
        subject: id,
        data: { nominationId: id, reason: 'Dokumen tidak lengkap', withdrawnAt: LATER.toISOString(), withdrawnBy: jambiOffice.sub },
      });
      expect(audit.entries).toEqual([
        {
          action: 'nomination.withdrawn',
          nominationId: id,
          province: '15',
          details: { reason: 'Dokumen tidak lengkap' },
          actor: jambiOffice.sub,
        },
      ]);
    });

    it('should audit no reason when none is given', async () => {
      await sut.withdraw({ id, by: secretariat, now: LATER });

      expect(audit.entries).toEqual([
        { action: 'nomination.withdrawn', nominationId: id, province: '15', details: {}, actor: secretariat.sub },
      ]);
      expect(events.published[0].data).not.toHaveProperty('reason');
    });

    it('should refuse with NOMINATION_WITHDRAWN and announce nothing more when withdrawn twice', async () => {
      await sut.withdraw({ id, by: jambiOffice, now: LATER });

      await expect(sut.withdraw({ id, by: jambiOffice, now: LATER })).rejects.toMatchObject({
        code: 'NOMINATION_WITHDRAWN',
        kind: 'conflict',
      });
      expect(events.published).toHaveLength(1);
    });
  });
});
