import { Injectable } from '@nestjs/common';
import { canReadNomination, type Contact, type NominationDocument, type Principal } from '@paritrana/contracts';
import { EventPublisher } from '@paritrana/messaging';
import { AuditLog, DomainError, isUuid, nominationOutOfScope, Transactions, type Tx } from '@paritrana/platform';
import { assertCanWrite } from './nomination-access';
import { amendedEvent, withdrawnEvent } from './nomination-events';
import { NominationRules } from './nomination-rules';
import type { NominationEntity } from './nomination.entity';
import { NominationStore } from './nomination.store';

export interface AmendNominationCommand {
  id: string;
  changes: { contact?: Contact; indicators?: Record<string, unknown>; documents?: NominationDocument[] };
  by: Principal;
  now?: Date;
}

export interface WithdrawNominationCommand {
  id: string;
  by: Principal;
  reason?: string;
  now?: Date;
}

/** Amendments (contact, indicators, documents while the window is open) and withdrawals. */
@Injectable()
export class ChangeNominationUseCase {
  constructor(
    private readonly transactions: Transactions,
    private readonly nominations: NominationStore,
    private readonly rules: NominationRules,
    private readonly events: EventPublisher,
    private readonly audit: AuditLog,
  ) {}

  /** The nomination as amended, one version up. */
  async amend({ id, changes, by, now = new Date() }: AmendNominationCommand): Promise<NominationEntity> {
    const fields = (['contact', 'indicators', 'documents'] as const).filter((f) => changes[f] !== undefined);
    if (fields.length === 0) {
      throw DomainError.invalid('AMENDMENT_EMPTY', 'Nothing to amend', [{ path: '', message: 'give contact, indicators or documents' }]);
    }
    return this.transactions.run(async (tx) => {
      const nomination = await this.lockForChange(tx, id, by);
      await this.rules.checkAmendment(nomination, changes.indicators, now);
      if (changes.contact) {
        const { name, email, copyTo } = changes.contact;
        nomination.contact = { name, email, ...(copyTo ? { copyTo } : {}) };
      }
      if (changes.indicators) nomination.indicators = changes.indicators;
      if (changes.documents) nomination.documents = changes.documents.map(({ name, url }) => ({ name, url }));
      nomination.version += 1;
      nomination.updatedAt = now;
      await this.nominations.update(tx, nomination);
      await this.events.publish(tx, [amendedEvent(nomination, [...fields], by)]);
      await this.audit.record(tx, by, [
        { action: 'nomination.amended', nominationId: id, province: nomination.province, details: { fields, version: nomination.version } },
      ]);
      return nomination;
    });
  }

  /** The nomination as withdrawn. */
  async withdraw({ id, by, reason, now = new Date() }: WithdrawNominationCommand): Promise<NominationEntity> {
    return this.transactions.run(async (tx) => {
      const nomination = await this.lockForChange(tx, id, by);
      nomination.status = 'withdrawn';
      nomination.withdrawnAt = now;
      nomination.updatedAt = now;
      await this.nominations.update(tx, nomination);
      await this.events.publish(tx, [withdrawnEvent(nomination, by, reason)]);
      await this.audit.record(tx, by, [
        { action: 'nomination.withdrawn', nominationId: id, province: nomination.province, details: reason ? { reason } : {} },
      ]);
      return nomination;
    });
  }

  private async lockForChange(tx: Tx, id: string, by: Principal): Promise<NominationEntity> {
    const nomination = isUuid(id) ? await this.nominations.findForUpdate(tx, id) : undefined;
    if (!nomination) throw DomainError.notFound('NOMINATION_NOT_FOUND', `No nomination ${id}`);
    if (!canReadNomination(by, nomination)) throw nominationOutOfScope(nomination);
    assertCanWrite(by, nomination.province);
    if (nomination.status === 'withdrawn') {
      throw DomainError.conflict('NOMINATION_WITHDRAWN', `Nomination ${id} was withdrawn at ${nomination.withdrawnAt?.toISOString()}`);
    }
    return nomination;
  }
}
