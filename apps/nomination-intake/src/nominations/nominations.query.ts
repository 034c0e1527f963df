import { Injectable } from '@nestjs/common';
import { canReadNomination, type Principal } from '@paritrana/contracts';
import { DomainError, isUuid, nominationOutOfScope } from '@paritrana/platform';
import { readScope } from './nomination-access';
import type { ListNominationsQuery } from './nomination.dto';
import type { NominationEntity } from './nomination.entity';
import { NominationStore } from './nomination.store';

export type NominationView = Omit<NominationEntity, 'nomineeKey'>;

export const toView = ({ nomineeKey: _key, ...view }: NominationEntity): NominationView => view;

@Injectable()
export class NominationsQuery {
  constructor(private readonly nominations: NominationStore) {}

  /** A nomination the reader may see; anything else is answered as not found, so existence never leaks. */
  async get(id: string, reader: Principal): Promise<NominationView> {
    const nomination = isUuid(id) ? await this.nominations.find(id) : undefined;
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
    const { edition, tier, province, category, status, q, page, pageSize } = query;
    const { items, total } = await this.nominations.list(
      readScope(reader),
      { edition, tier, province, category, status, q },
      page,
      pageSize,
    );
    return { items: items.map(toView), page, pageSize, total };
  }
}
