import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { coversProvince, type Principal } from '@paritrana/contracts';
import { DomainError, isUuid } from '@paritrana/platform';
import { Repository } from 'typeorm';
import { NominationEntity } from './nomination.entity';

@Injectable()
export class NominationsQuery {
  constructor(@InjectRepository(NominationEntity) private readonly nominations: Repository<NominationEntity>) {}

  /** A nomination within the reader's provinces; outside them it is refused without saying whether it exists. */
  async get(id: string, reader: Principal): Promise<NominationEntity> {
    const nomination = isUuid(id) ? await this.nominations.findOneBy({ id }) : null;
    if (!nomination) throw DomainError.notFound('NOMINATION_NOT_FOUND', `No nomination ${id}`);
    if (!coversProvince(reader, nomination.province)) {
      throw DomainError.forbidden('PROVINCE_OUT_OF_SCOPE', `Your token does not cover province ${nomination.province}`);
    }
    return nomination;
  }
}
