import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Principal } from '@paritrana/contracts';
import { EventPublisher } from '@paritrana/messaging';
import { AuditLog, DomainError } from '@paritrana/platform';
import { createHash } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { submittedEvent } from './nomination-events';
import { NominationRules } from './nomination-rules';
import type { NominationAcceptedDto, SubmitNominationDto } from './nomination.dto';
import { NominationEntity } from './nomination.entity';

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

@Injectable()
export class SubmitNominationUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly rules: NominationRules,
    private readonly events: EventPublisher,
    private readonly audit: AuditLog,
  ) {}

  /**
   * With an Idempotency-Key, a retried request with the same body gets the first response and
   * creates nothing; the same key with another body is refused (422).
   */
  async execute(dto: SubmitNominationDto, by: Principal, idempotencyKey?: string, now = new Date()): Promise<NominationAcceptedDto> {
    const hash = idempotencyKey ? requestHash(dto) : undefined;
    if (idempotencyKey) {
      const replay = await this.replay(this.dataSource.manager, by, idempotencyKey, hash!);
      if (replay) return replay;
    }
    const nomination = await this.rules.prepare(dto, by, now);
    const accepted: NominationAcceptedDto = { id: nomination.id, status: nomination.status, submittedAt: now.toISOString() };
    return this.dataSource.transaction(async (manager) => {
      if (idempotencyKey) {
        const claimed: unknown[] = await manager.query(
          `INSERT INTO intake.idempotency_keys (principal, key, request_hash, status, body) VALUES ($1, $2, $3, 201, $4)
           ON CONFLICT (principal, key) DO NOTHING RETURNING key`,
          [by.sub, idempotencyKey, hash, accepted],
        );
        if (claimed.length === 0) {
          const replay = await this.replay(manager, by, idempotencyKey, hash!);
          if (replay) return replay;
        }
      }
      await this.insert(manager, nomination);
      await this.events.publish(manager, [submittedEvent(nomination)]);
      await this.audit.record(manager, by, [
        { action: 'nomination.submitted', nominationId: nomination.id, province: nomination.province },
      ]);
      return accepted;
    });
  }

  private async insert(manager: EntityManager, nomination: NominationEntity): Promise<void> {
    const inserted = await manager
      .createQueryBuilder()
      .insert()
      .into(NominationEntity)
      .values(nomination as QueryDeepPartialEntity<NominationEntity>)
      .orIgnore()
      .returning(['id'])
      .execute();
    if (inserted.raw.length === 0) {
      throw DomainError.conflict(
        'NOMINATION_DUPLICATE',
        `${nomination.nominee.name} is already nominated in ${nomination.edition} ${nomination.tier} ${nomination.category}`,
      );
    }
  }

  private async replay(manager: EntityManager, by: Principal, key: string, hash: string): Promise<NominationAcceptedDto | undefined> {
    const rows: { request_hash: string; body: NominationAcceptedDto }[] = await manager.query(
      'SELECT request_hash, body FROM intake.idempotency_keys WHERE principal = $1 AND key = $2',
      [by.sub, key],
    );
    if (rows.length === 0) return undefined;
    if (rows[0].request_hash !== hash) {
      throw DomainError.invalid('IDEMPOTENCY_KEY_REUSED', `Idempotency-Key ${key} was used for another request body; use a new key`, [
        { path: 'Idempotency-Key', message: 'was used with a different body' },
      ]);
    }
    return rows[0].body;
  }
}
