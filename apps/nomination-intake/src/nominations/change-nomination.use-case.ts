import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { canReadNomination, type Principal } from '@paritrana/contracts';
import { EventPublisher } from '@paritrana/messaging';
import { AuditLog, DomainError, isUuid, nominationOutOfScope } from '@paritrana/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { assertCanWrite } from './nomination-access';
import { amendedEvent, withdrawnEvent } from './nomination-events';
import { NominationRules } from './nomination-rules';
import type { AmendNominationDto } from './nomination.dto';
import { NominationEntity } from './nomination.entity';

/** Amendments (contact, indicators, documents while the window is open) and withdrawals. */
@Injectable()
export class ChangeNominationUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly rules: NominationRules,
    private readonly events: EventPublisher,
    private readonly audit: AuditLog,
  ) {}

  async amend(id: string, dto: AmendNominationDto, by: Principal, now = new Date()): Promise<NominationEntity> {
    const fields = (['contact', 'indicators', 'documents'] as const).filter((f) => dto[f] !== undefined);
    if (fields.length === 0) {
      throw DomainError.invalid('AMENDMENT_EMPTY', 'Nothing to amend', [{ path: '', message: 'give contact, indicators or documents' }]);
    }
    return this.dataSource.transaction(async (manager) => {
      const nomination = await this.lockForChange(manager, id, by);
      await this.rules.checkAmendment(nomination, dto.indicators, now);
      if (dto.contact) {
        nomination.contact = {
          name: dto.contact.name,
          email: dto.contact.email,
          ...(dto.contact.copyTo ? { copyTo: dto.contact.copyTo } : {}),
        };
      }
      if (dto.indicators) nomination.indicators = dto.indicators;
      if (dto.documents) nomination.documents = dto.documents.map(({ name, url }) => ({ name, url }));
      nomination.version += 1;
      nomination.updatedAt = now;
      await manager.save(nomination);
      await this.events.publish(manager, [amendedEvent(nomination, [...fields], by)]);
      await this.audit.record(manager, by, [
        { action: 'nomination.amended', nominationId: id, province: nomination.province, details: { fields, version: nomination.version } },
      ]);
      return nomination;
    });
  }

  async withdraw(id: string, by: Principal, reason?: string, now = new Date()): Promise<NominationEntity> {
    return this.dataSource.transaction(async (manager) => {
      const nomination = await this.lockForChange(manager, id, by);
      nomination.status = 'withdrawn';
      nomination.withdrawnAt = now;
      nomination.updatedAt = now;
      await manager.save(nomination);
      await this.events.publish(manager, [withdrawnEvent(nomination, by, reason)]);
      await this.audit.record(manager, by, [
        { action: 'nomination.withdrawn', nominationId: id, province: nomination.province, details: reason ? { reason } : {} },
      ]);
      return nomination;
    });
  }

  private async lockForChange(manager: EntityManager, id: string, by: Principal): Promise<NominationEntity> {
    const nomination = isUuid(id) ? await manager.findOne(NominationEntity, { where: { id }, lock: { mode: 'pessimistic_write' } }) : null;
    if (!nomination) throw DomainError.notFound('NOMINATION_NOT_FOUND', `No nomination ${id}`);
    if (!canReadNomination(by, nomination)) throw nominationOutOfScope(nomination);
    assertCanWrite(by, nomination.province);
    if (nomination.status === 'withdrawn') {
      throw DomainError.conflict('NOMINATION_WITHDRAWN', `Nomination ${id} was withdrawn at ${nomination.withdrawnAt?.toISOString()}`);
    }
    return nomination;
  }
}
