import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { canReadNomination, type Principal } from '@paritrana/contracts';
import { DomainError, isUuid, nominationOutOfScope } from '@paritrana/platform';
import { Repository } from 'typeorm';
import { readScope } from './nomination-access';
import type { ListNominationsQuery } from './nomination.dto';
import { NominationEntity } from './nomination.entity';

export type NominationView = Omit<NominationEntity, 'nomineeKey'>;

export const toView = ({ nomineeKey: _key, ...view }: NominationEntity): NominationView => view;

@Injectable()
export class NominationsQuery {
  constructor(@InjectRepository(NominationEntity) private readonly nominations: Repository<NominationEntity>) {}

  /** A nomination the reader may see; anything else is answered as not found, so existence never leaks. */
  async get(id: string, reader: Principal): Promise<NominationView> {
    const nomination = isUuid(id) ? await this.nominations.findOneBy({ id }) : null;
    if (!nomination) throw DomainError.notFound('NOMINATION_NOT_FOUND', `No nomination ${id}`);
    if (!canReadNomination(reader, nomination)) throw nominationOutOfScope(nomination);
    return toView(nomination);
  }

  /** A page of the nominations the reader may see, filtered; asking for a province outside the token is refused. */
  async list(query: ListNominationsQuery, reader: Principal) {
    if (
      query.province &&
      !canReadNomination(reader, { province: query.province, tier: query.tier ?? 'provincial' }) &&
      reader.provinces?.length
    ) {
      throw DomainError.forbidden('PROVINCE_OUT_OF_SCOPE', `Your token does not cover province ${query.province}`);
    }
    const scope = readScope(reader, 'n');
    const builder = this.nominations
      .createQueryBuilder('n')
      .where(scope.sql, { scopeProvinces: scope.params })
      .orderBy('n.submitted_at', 'ASC')
      .addOrderBy('n.id', 'ASC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize);
    for (const field of ['edition', 'tier', 'province', 'category', 'status'] as const) {
      if (query[field] !== undefined) builder.andWhere(`n.${field} = :${field}`, { [field]: query[field] });
    }
    const [items, total] = await builder.getManyAndCount();
    return { items: items.map(toView), page: query.page, pageSize: query.pageSize, total };
  }
}
