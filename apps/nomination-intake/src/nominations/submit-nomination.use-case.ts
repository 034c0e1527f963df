import { Injectable } from '@nestjs/common';
import type { Principal } from '@paritrana/contracts';
import { EventPublisher } from '@paritrana/messaging';
import { AuditLog, DomainError, Transactions, type Tx } from '@paritrana/platform';
import { createHash } from 'node:crypto';
import { IdempotencyKeyStore } from './idempotency-key.store';
import { submittedEvent } from './nomination-events';
import { NominationRules } from './nomination-rules';
import type { SubmitNominationDto } from './nomination.dto';
import type { NominationStatus } from './nomination.entity';
import { NominationStore } from './nomination.store';

/** Canonical JSON (sorted keys), so the same body in another key order is the same request. */
const canonical = (value: unknown): string =>
  Array.isArray(value)
    ? `[${value.map(canonical).join(',')}]`
    : value !== null && typeof value === 'object'
      ? `{${Object.keys(value)
          .sort()
          .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
          .join(',')}}`
      : JSON.stringify(value);

export const requestHash = (body: unknown) => createHash('sha256').update(canonical(body)).digest('hex');

export interface SubmitNominationCommand {
  nomination: SubmitNominationDto;
  by: Principal;
  idempotencyKey?: string;
  now?: Date;
}

export interface NominationAccepted {
  id: string;
  status: NominationStatus;
  submittedAt: string;
}

@Injectable()
export class SubmitNominationUseCase {
  constructor(
    private readonly transactions: Transactions,
    private readonly nominations: NominationStore,
    private readonly idempotencyKeys: IdempotencyKeyStore,
    private readonly rules: NominationRules,
    private readonly events: EventPublisher,
    private readonly audit: AuditLog,
  ) {}

  /**
   * With an Idempotency-Key, a retried request with the same body gets the first answer and
   * creates nothing; the same key with another body is refused (IDEMPOTENCY_KEY_REUSED).
   */
  async execute({ nomination: dto, by, idempotencyKey, now = new Date() }: SubmitNominationCommand): Promise<NominationAccepted> {
    if (idempotencyKey !== undefined && !/^[\x21-\x7e]{1,200}$/.test(idempotencyKey)) {
      throw DomainError.invalid('IDEMPOTENCY_KEY_INVALID', 'Invalid Idempotency-Key', [
        { path: 'Idempotency-Key', message: 'must be 1-200 visible ASCII characters' },
      ]);
    }
    const hash = idempotencyKey ? requestHash(dto) : '';
    if (idempotencyKey) {
      const replay = await this.replay(by, idempotencyKey, hash);
      if (replay) return replay;
    }
    const nomination = await this.rules.prepare(dto, by, now);
    const accepted: NominationAccepted = { id: nomination.id, status: nomination.status, submittedAt: now.toISOString() };
    return this.transactions.run(async (tx) => {
      if (
        idempotencyKey &&
        !(await this.idempotencyKeys.claim(tx, by.sub, idempotencyKey, { requestHash: hash, status: 201, body: accepted }))
      ) {
        const replay = await this.replay(by, idempotencyKey, hash, tx);
        if (replay) return replay;
      }
      const stored = await this.nominations.insert(tx, [nomination]);
      if (!stored.has(nomination.id)) {
        throw DomainError.conflict(
          'NOMINATION_DUPLICATE',
          `${nomination.nominee.name} is already nominated in ${nomination.edition} ${nomination.tier} ${nomination.category}`,
        );
      }
      await this.events.publish(tx, [submittedEvent(nomination)]);
      await this.audit.record(tx, by, [{ action: 'nomination.submitted', nominationId: nomination.id, province: nomination.province }]);
      return accepted;
    });
  }

  private async replay(by: Principal, key: string, hash: string, tx?: Tx): Promise<NominationAccepted | undefined> {
    const answer = await this.idempotencyKeys.find<NominationAccepted>(by.sub, key, tx);
    if (!answer) return undefined;
    if (answer.requestHash !== hash) {
      throw DomainError.invalid('IDEMPOTENCY_KEY_REUSED', `Idempotency-Key ${key} was used for another request body; use a new key`, [
        { path: 'Idempotency-Key', message: 'was used with a different body' },
      ]);
    }
    return answer.body;
  }
}
