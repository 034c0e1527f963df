import { Injectable } from '@nestjs/common';
import { findCategory, RegionDirectory, type EditionDefinition, type Principal, type Tier } from '@paritrana/contracts';
import { DomainError, type FieldError } from '@paritrana/platform';
import { randomUUID } from 'node:crypto';
import { EditionStore } from '../editions/edition.store';
import { editionNotFound } from '../editions/editions.query';
import { checkIndicators } from './indicator-rules';
import { assertCanWrite } from './nomination-access';
import type { SubmitNominationDto } from './nomination.dto';
import { NominationEntity } from './nomination.entity';
import { resolveNominee } from './nominee-resolver';

export type EditionLookup = (code: string) => Promise<EditionDefinition | undefined>;

/** Every rule a new nomination must pass before it is stored; shared by single and batch intake. */
@Injectable()
export class NominationRules {
  private readonly regions = RegionDirectory.official();

  constructor(private readonly editions: EditionStore) {}

  /** Memoises edition look-ups for the length of one request. */
  editionLookup(): EditionLookup {
    const cache = new Map<string, Promise<EditionDefinition | undefined>>();
    return (code) => {
      if (!cache.has(code)) cache.set(code, this.editions.find(code));
      return cache.get(code)!;
    };
  }

  /** Throws 403 outside the token's provinces, 422 listing every invalid field; else the nomination to store. */
  async prepare(
    dto: SubmitNominationDto,
    by: Principal,
    now: Date,
    editions: EditionLookup = this.editionLookup(),
  ): Promise<NominationEntity> {
    assertCanWrite(by, dto.province);
    const errors: FieldError[] = [];
    const edition = await editions(dto.edition);
    const category = edition && findCategory(edition, dto.category);
    if (!edition)
      errors.push({ path: 'edition', message: `unknown edition ${dto.edition}`, code: 'editionUnknown', params: { edition: dto.edition } });
    else if (!category)
      errors.push({
        path: 'category',
        message: `edition ${dto.edition} has no category ${dto.category}`,
        code: 'categoryUnknown',
        params: { category: dto.category },
      });
    else {
      if (!category.tiers.includes(dto.tier))
        errors.push({
          path: 'tier',
          message: `category ${category.code} has no ${dto.tier} tier`,
          code: 'tierUnknown',
          params: { tier: dto.tier },
        });
      if (category.nomineeKind !== dto.nominee.kind) {
        errors.push({
          path: 'nominee.kind',
          message: `category ${category.code} takes ${category.nomineeKind} nominees`,
          code: 'nomineeKind',
          params: { kind: category.nomineeKind },
        });
      }
      errors.push(...windowErrors(edition, dto.tier, now));
    }
    const resolved = resolveNominee(dto.nominee, dto.province, this.regions);
    errors.push(...resolved.errors, ...checkIndicators(dto.nominee.kind, dto.indicators));
    if (errors.length > 0 || !('nominee' in resolved))
      throw DomainError.invalid('NOMINATION_INVALID', 'The nomination has invalid fields', errors);
    return Object.assign(new NominationEntity(), {
      id: randomUUID(),
      edition: dto.edition,
      tier: dto.tier,
      province: dto.province,
      category: dto.category,
      nomineeKey: resolved.key,
      nominee: resolved.nominee,
      contact: { name: dto.contact.name, email: dto.contact.email, ...(dto.contact.copyTo ? { copyTo: dto.contact.copyTo } : {}) },
      indicators: dto.indicators,
      documents: dto.documents ?? [],
      status: 'submitted',
      version: 1,
      submittedBy: by.sub,
      submittedAt: now,
      updatedAt: now,
      withdrawnAt: null,
    });
  }

  /** Amendments follow the same indicator rules and the same window as submissions. */
  async checkAmendment(nomination: NominationEntity, indicators: Record<string, unknown> | undefined, now: Date): Promise<void> {
    const edition = await this.editions.find(nomination.edition);
    if (!edition) throw editionNotFound(nomination.edition);
    const errors = [
      ...windowErrors(edition, nomination.tier, now),
      ...(indicators ? checkIndicators(nomination.nominee.kind, indicators) : []),
    ];
    if (errors.length > 0) throw DomainError.invalid('AMENDMENT_INVALID', 'The amendment has invalid fields', errors);
  }
}

function windowErrors(edition: EditionDefinition, tier: Tier, now: Date): FieldError[] {
  const window = edition.schedule[tier];
  if (!window)
    return [{ path: 'tier', message: `edition ${edition.code} has no ${tier} submission window`, code: 'windowMissing', params: { tier } }];
  if (now < new Date(window.submissionsOpen) || now > new Date(window.submissionsClose)) {
    return [
      {
        path: 'tier',
        message: `the ${tier} submission window (${window.submissionsOpen} to ${window.submissionsClose}) is closed`,
        code: 'windowClosed',
        params: { open: window.submissionsOpen, close: window.submissionsClose },
      },
    ];
  }
  return [];
}
