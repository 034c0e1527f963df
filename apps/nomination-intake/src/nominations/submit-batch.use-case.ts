import { Injectable } from '@nestjs/common';
import type { Principal } from '@paritrana/contracts';
import { EventPublisher } from '@paritrana/messaging';
import { AuditLog, DomainError, type FieldError, flattenValidationErrors, Transactions } from '@paritrana/platform';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { submittedEvent } from './nomination-events';
import { NominationRules } from './nomination-rules';
import { SubmitNominationDto } from './nomination.dto';
import type { NominationEntity } from './nomination.entity';
import { NominationStore } from './nomination.store';

export const MAX_BATCH = 1_000;

export interface SubmitBatchCommand {
  /** The request body as received: checked here to be an array of at most MAX_BATCH nominations. */
  items: unknown;
  by: Principal;
  /** Check every item as a submission would, store nothing. */
  dryRun?: boolean;
  now?: Date;
}

/** What became of one item of a batch. */
export type BatchItemOutcome =
  | { index: number; outcome: 'accepted'; id: string; submittedAt: string }
  | { index: number; outcome: 'acceptable' }
  | { index: number; outcome: 'out-of-scope' | 'duplicate' | 'invalid'; errors: FieldError[] };

/** Up to 1,000 nominations in one request, answered per item; the accepted ones are stored in one transaction. */
@Injectable()
export class SubmitBatchUseCase {
  constructor(
    private readonly transactions: Transactions,
    private readonly nominations: NominationStore,
    private readonly rules: NominationRules,
    private readonly events: EventPublisher,
    private readonly audit: AuditLog,
  ) {}

  async execute({ items, by, dryRun = false, now = new Date() }: SubmitBatchCommand): Promise<BatchItemOutcome[]> {
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
    const outcomes: BatchItemOutcome[] = [];
    const accepted = new Map<number, NominationEntity>();
    const seen = new Set<string>();
    for (const [index, item] of items.entries()) {
      const parsed = parseItem(item);
      if ('errors' in parsed) {
        outcomes.push({ index, outcome: 'invalid', errors: parsed.errors });
        continue;
      }
      try {
        const nomination = await this.rules.prepare(parsed.dto, by, now, editions);
        const identity = `${nomination.edition}|${nomination.tier}|${nomination.category}|${nomination.nomineeKey}`;
        if (seen.has(identity)) {
          outcomes.push({
            index,
            outcome: 'duplicate',
            errors: [
              {
                path: 'nominee',
                message: `${nomination.nominee.name} appears earlier in this batch`,
                code: 'duplicateInBatch',
                params: { name: nomination.nominee.name },
              },
            ],
          });
          continue;
        }
        seen.add(identity);
        accepted.set(index, nomination);
        outcomes.push({ index, outcome: 'accepted', id: nomination.id, submittedAt: now.toISOString() });
      } catch (error) {
        if (!(error instanceof DomainError) || (error.kind !== 'forbidden' && error.kind !== 'invalid')) throw error;
        outcomes.push({
          index,
          outcome: error.kind === 'forbidden' ? 'out-of-scope' : 'invalid',
          errors: error.errors.length > 0 ? error.errors : [{ path: '', message: error.message }],
        });
      }
    }
    if (dryRun) await this.check(accepted, outcomes);
    else await this.store(accepted, outcomes, by);
    return outcomes;
  }

  /** What storing would answer, without storing: duplicates of stored nominations, the others acceptable. */
  private async check(accepted: Map<number, NominationEntity>, outcomes: BatchItemOutcome[]): Promise<void> {
    const taken = await this.nominations.alreadyNominated([...accepted.values()]);
    for (const [index, n] of accepted) {
      outcomes[index] = taken.has(n.id) ? { index, outcome: 'duplicate', errors: [alreadyNominated(n)] } : { index, outcome: 'acceptable' };
    }
  }

  private async store(accepted: Map<number, NominationEntity>, outcomes: BatchItemOutcome[], by: Principal): Promise<void> {
    if (accepted.size === 0) return;
    await this.transactions.run(async (tx) => {
      const stored = await this.nominations.insert(tx, [...accepted.values()]);
      const kept = [...accepted].filter(([index, n]) => {
        if (stored.has(n.id)) return true;
        outcomes[index] = {
          index,
          outcome: 'duplicate',
          errors: [alreadyNominated(n)],
        };
        return false;
      });
      await this.events.publish(
        tx,
        kept.map(([, n]) => submittedEvent(n)),
      );
      await this.audit.record(
        tx,
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

const alreadyNominated = (n: NominationEntity): FieldError => ({
  path: 'nominee',
  message: `${n.nominee.name} is already nominated in ${n.edition} ${n.tier} ${n.category}`,
  code: 'alreadyNominated',
  params: { name: n.nominee.name },
});

/** An item's shape, checked as the HTTP layer checks a single nomination's body. */
function parseItem(item: unknown): { dto: SubmitNominationDto } | { errors: FieldError[] } {
  if (item === null || typeof item !== 'object' || Array.isArray(item))
    return { errors: [{ path: '', message: 'must be a nomination object' }] };
  const dto = plainToInstance(SubmitNominationDto, item);
  const shapeErrors = validateSync(dto, { whitelist: true, forbidNonWhitelisted: true });
  return shapeErrors.length > 0 ? { errors: flattenValidationErrors(shapeErrors) } : { dto };
}
