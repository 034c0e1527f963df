import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { coversProvince, createEvent, EventTypes, findCategory, RegionDirectory, type Principal } from '@paritrana/contracts';
import { EventPublisher } from '@paritrana/messaging';
import { DomainError, type FieldError } from '@paritrana/platform';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { EditionsQuery } from '../editions/editions.query';
import { checkIndicators } from './indicator-rules';
import type { NominationAcceptedDto, SubmitNominationDto } from './nomination.dto';
import { NominationEntity } from './nomination.entity';
import { resolveNominee } from './nominee-resolver';

@Injectable()
export class SubmitNominationUseCase {
  private readonly regions = RegionDirectory.official();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly editions: EditionsQuery,
    private readonly events: EventPublisher,
  ) {}

  async execute(dto: SubmitNominationDto, by: Principal, now = new Date()): Promise<NominationAcceptedDto> {
    if (!coversProvince(by, dto.province)) {
      throw DomainError.forbidden('PROVINCE_OUT_OF_SCOPE', `Your token does not cover province ${dto.province}`);
    }
    const errors: FieldError[] = [];
    const edition = await this.editions.find(dto.edition);
    const category = edition && findCategory(edition, dto.category);
    if (!edition) errors.push({ path: 'edition', message: `unknown edition ${dto.edition}` });
    else if (!category) errors.push({ path: 'category', message: `edition ${dto.edition} has no category ${dto.category}` });
    else {
      if (!category.tiers.includes(dto.tier)) errors.push({ path: 'tier', message: `category ${category.code} has no ${dto.tier} tier` });
      if (category.nomineeKind !== dto.nominee.kind) {
        errors.push({ path: 'nominee.kind', message: `category ${category.code} takes ${category.nomineeKind} nominees` });
      }
      const window = edition.schedule[dto.tier];
      if (window && (now < new Date(window.submissionsOpen) || now > new Date(window.submissionsClose))) {
        errors.push({
          path: 'tier',
          message: `the ${dto.tier} submission window (${window.submissionsOpen} to ${window.submissionsClose}) is closed`,
        });
      }
    }
    const resolved = resolveNominee(dto.nominee, dto.province, this.regions);
    errors.push(...resolved.errors, ...checkIndicators(dto.nominee.kind, dto.indicators));
    if (errors.length > 0 || !('nominee' in resolved))
      throw DomainError.invalid('NOMINATION_INVALID', 'The nomination has invalid fields', errors);

    const nomination: NominationEntity = Object.assign(new NominationEntity(), {
      id: randomUUID(),
      edition: dto.edition,
      tier: dto.tier,
      province: dto.province,
      category: dto.category,
      nomineeKey: resolved.key,
      nominee: resolved.nominee,
      contact: { name: dto.contact.name, email: dto.contact.email },
      indicators: dto.indicators,
      status: 'submitted',
      submittedBy: by.sub,
      submittedAt: now,
      updatedAt: now,
    });
    await this.dataSource.transaction(async (manager) => {
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
          `${resolved.nominee.name} is already nominated in ${dto.edition} ${dto.tier} ${dto.category}`,
        );
      }
      const event = createEvent(
        EventTypes.NominationSubmitted,
        nomination.id,
        {
          nominationId: nomination.id,
          edition: nomination.edition,
          tier: nomination.tier,
          province: nomination.province,
          category: nomination.category,
          nominee: nomination.nominee,
          contact: nomination.contact,
          indicators: nomination.indicators,
          submittedAt: now.toISOString(),
          submittedBy: by.sub,
        },
        { service: 'nomination-intake' },
      );
      await this.events.publish(manager, [event]);
    });
    return { id: nomination.id, status: nomination.status, submittedAt: now.toISOString() };
  }
}
