import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Principal } from '@paritrana/contracts';
import { EventPublisher } from '@paritrana/messaging';
import { AuditLog, DomainError, type FieldError, flattenValidationErrors, HTTP_STATUS_OF_KIND } from '@paritrana/platform';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { DataSource, type EntityManager } from 'typeorm';
import { submittedEvent } from './nomination-events';
import { NominationRules } from './nomination-rules';
import { SubmitNominationDto } from './nomination.dto';
import { NominationEntity } from './nomination.entity';

export const MAX_BATCH = 1_000;
/** Batches worked on at once: more would only queue for the same cores while each holds its nominations in memory. */
const CONCURRENT_BATCHES = 2;

export interface BatchItemResult {
  index: number;
  status: 201 | 403 | 409 | 422;
  id?: string;
  submittedAt?: string;
  errors?: FieldError[];
}

/** Up to 1,000 nominations in one request, answered per item; the accepted ones are stored in one transaction. */
@Injectable()
export class SubmitBatchUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly rules: NominationRules,
    private readonly events: EventPublisher,
    private readonly audit: AuditLog,
  ) {}

  private working = 0;
  private readonly queued: Array<() => void> = [];

  async execute(items: unknown, by: Principal, now = new Date()): Promise<{ results: BatchItemResult[] }> {
    if (this.working >= CONCURRENT_BATCHES) await new Promise<void>((resolve) => this.queued.push(resolve));
    this.working++;
    try {
      return await this.submit(items, by, now);
    } finally {
      this.working--;
      this.queued.shift()?.();
    }
  }

  private async submit(items: unknown, by: Principal, now: Date): Promise<{ results: BatchItemResult[] }> {
    if (!Array.isArray(items))
      throw DomainError.invalid('BATCH_INVALID', 'The body must be a JSON array of nominations', [
        { path: '', message: 'must be an array' },
      ]);
    if (items.length > MAX_BATCH) {
      throw DomainError.invalid('BATCH_TOO_LARGE', `At most ${MAX_BATCH} nominations per batch; split the file`, [
        { path: '', message: `has ${items.length} items, at most ${MAX_BATCH}` },
      ]);
    }
    const editions = this.rules.editionLookup();
    const results: BatchItemResult[] = [];
    const accepted = new Map<number, NominationEntity>();
    const seen = new Set<string>();
    for (const [index, item] of items.entries()) {
      const dto = plainToInstance(SubmitNominationDto, item ?? {});
      const shapeErrors =
        item !== null && typeof item === 'object' && !Array.isArray(item)
          ? validateSync(dto, { whitelist: true, forbidNonWhitelisted: true })
          : [];
      if (item === null || typeof item !== 'object' || Array.isArray(item)) {
        results.push({ index, status: 422, errors: [{ path: '', message: 'must be a nomination object' }] });
        continue;
      }
      if (shapeErrors.length > 0) {
        results.push({ index, status: 422, errors: flattenValidationErrors(shapeErrors) });
        continue;
      }
      try {
        const nomination = await this.rules.prepare(dto, by, now, editions);
        const identity = `${nomination.edition}|${nomination.tier}|${nomination.category}|${nomination.nomineeKey}`;
        if (seen.has(identity)) {
          results.push({
            index,
            status: 409,
            errors: [{ path: 'nominee', message: `${nomination.nominee.name} appears earlier in this batch` }],
          });
          continue;
        }
        seen.add(identity);
        accepted.set(index, nomination);
        results.push({ index, status: 201, id: nomination.id, submittedAt: now.toISOString() });
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        results.push({
          index,
          status: HTTP_STATUS_OF_KIND[error.kind] as 403 | 422,
          errors: error.errors.length > 0 ? error.errors : [{ path: '', message: error.message }],
        });
      }
    }
    await this.store(accepted, results, by);
    return { results };
  }

  private async store(accepted: Map<number, NominationEntity>, results: BatchItemResult[], by: Principal): Promise<void> {
    if (accepted.size === 0) return;
    await this.dataSource.transaction(async (manager) => {
      const stored = await insertNominations(manager, [...accepted.values()]);
      const kept = [...accepted].filter(([index, n]) => {
        if (stored.has(n.id)) return true;
        results[index] = {
          index,
          status: 409,
          errors: [{ path: 'nominee', message: `${n.nominee.name} is already nominated in ${n.edition} ${n.tier} ${n.category}` }],
        };
        return false;
      });
      await this.events.publish(
        manager,
        kept.map(([, n]) => submittedEvent(n)),
      );
      await this.audit.record(
        manager,
        by,
        kept.map(([, n]) => ({
          action: 'nomination.submitted' as const,
          nominationId: n.id,
          province: n.province,
          details: { batch: true },
        })),
      );
    });
  }
}

const COLUMNS = [
  'id',
  'edition',
  'tier',
  'province',
  'category',
  'nominee_key',
  'nominee',
  'contact',
  'indicators',
  'documents',
  'status',
  'version',
  'submitted_by',
  'submitted_at',
  'updated_at',
] as const;

/** One multi-row insert; returns the ids stored (a nominee already nominated is skipped). */
async function insertNominations(manager: EntityManager, nominations: NominationEntity[]): Promise<Set<string>> {
  const params: unknown[] = [];
  const rows = nominations.map((n) => {
    params.push(
      n.id,
      n.edition,
      n.tier,
      n.province,
      n.category,
      n.nomineeKey,
      JSON.stringify(n.nominee),
      JSON.stringify(n.contact),
      JSON.stringify(n.indicators),
      JSON.stringify(n.documents),
      n.status,
      n.version,
      n.submittedBy,
      n.submittedAt,
      n.updatedAt,
    );
    const base = params.length - COLUMNS.length;
    return `(${COLUMNS.map((_, i) => `$${base + i + 1}`).join(', ')})`;
  });
  const inserted: { id: string }[] = await manager.query(
    `INSERT INTO intake.nominations (${COLUMNS.join(', ')}) VALUES ${rows.join(', ')} ON CONFLICT DO NOTHING RETURNING id`,
    params,
  );
  return new Set(inserted.map((r) => r.id));
}
