import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Tier } from '@paritrana/contracts';
import type { Tx } from '@paritrana/platform';
import { DataSource } from 'typeorm';
import type { ReadScope } from './nomination-access';
import { NominationEntity, type NominationStatus } from './nomination.entity';

export interface NominationFilter {
  edition?: string;
  tier?: Tier;
  province?: string;
  category?: string;
  status?: NominationStatus;
  /** Words of the nominee's name (any case), or the start of an employer's NPP. */
  q?: string;
}

/** The LIKE pattern of a name search: the words as typed, wildcards in them taken literally. */
export const namePattern = (q: string) =>
  `%${q
    .trim()
    .replace(/[\\%_]/g, (c) => `\\${c}`)
    .replace(/\s+/g, '%')}%`;

/** How many nominations of an edition one province holds in one tier, by status. */
export interface NominationCount {
  tier: Tier;
  province: string;
  submitted: number;
  withdrawn: number;
}

/** The same count for one category. */
export interface CategoryCount extends NominationCount {
  category: string;
}

export interface NominationPage {
  items: NominationEntity[];
  total: number;
}

/** The nominations: every read and write of `intake.nominations`. */
export abstract class NominationStore {
  /** Stores new nominations; answers the ids stored (a nominee already nominated in its edition, tier and category is skipped). */
  abstract insert(tx: Tx, nominations: NominationEntity[]): Promise<Set<string>>;
  /** Of the given nominations, the ids of those whose nominee is already nominated in their edition, tier and category. */
  abstract alreadyNominated(nominations: NominationEntity[]): Promise<Set<string>>;
  abstract find(id: string): Promise<NominationEntity | undefined>;
  abstract findMany(tx: Tx, ids: string[]): Promise<NominationEntity[]>;
  /** Reads a nomination and locks it until `tx` ends. */
  abstract findForUpdate(tx: Tx, id: string): Promise<NominationEntity | undefined>;
  /** Writes back what amendments and withdrawals change. */
  abstract update(tx: Tx, nomination: NominationEntity): Promise<void>;
  /** Oldest first (then by id); `page` counts from 1. */
  abstract list(scope: ReadScope, filter: NominationFilter, page: number, pageSize: number): Promise<NominationPage>;
  /** The edition's nominations counted by tier, province and category (provincial first, then by province and category code); only non-empty ones. */
  abstract countByCategory(edition: string): Promise<CategoryCount[]>;
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
  'withdrawn_at',
  'advanced_from',
] as const;

const row = (n: NominationEntity): unknown[] => [
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
  n.withdrawnAt,
  n.advancedFrom ? JSON.stringify(n.advancedFrom) : null,
];

@Injectable()
export class PostgresNominationStore extends NominationStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  /** One multi-row insert (a batch of 1,000 stays well under PostgreSQL's 65,535 parameters). */
  override async insert(tx: Tx, nominations: NominationEntity[]): Promise<Set<string>> {
    if (nominations.length === 0) return new Set();
    const params: unknown[] = [];
    const rows = nominations.map((n) => {
      const base = params.length;
      params.push(...row(n));
      return `(${COLUMNS.map((_, i) => `$${base + i + 1}`).join(', ')})`;
    });
    const inserted: { id: string }[] = await tx.query(
      `INSERT INTO intake.nominations (${COLUMNS.join(', ')}) VALUES ${rows.join(', ')} ON CONFLICT DO NOTHING RETURNING id`,
      params,
    );
    return new Set(inserted.map((r) => r.id));
  }

  override async alreadyNominated(nominations: NominationEntity[]): Promise<Set<string>> {
    if (nominations.length === 0) return new Set();
    const taken: { key: string }[] = await this.dataSource.query(
      `SELECT n.edition || '|' || n.tier || '|' || n.category || '|' || n.nominee_key AS key FROM intake.nominations n
       JOIN unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS k(edition, tier, category, nominee_key)
         USING (edition, tier, category, nominee_key)`,
      [
        nominations.map((n) => n.edition),
        nominations.map((n) => n.tier),
        nominations.map((n) => n.category),
        nominations.map((n) => n.nomineeKey),
      ],
    );
    const keys = new Set(taken.map((t) => t.key));
    return new Set(nominations.filter((n) => keys.has(`${n.edition}|${n.tier}|${n.category}|${n.nomineeKey}`)).map((n) => n.id));
  }

  override async find(id: string): Promise<NominationEntity | undefined> {
    return (await this.dataSource.manager.findOneBy(NominationEntity, { id })) ?? undefined;
  }

  override findMany(tx: Tx, ids: string[]): Promise<NominationEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return tx.createQueryBuilder(NominationEntity, 'n').where('n.id IN (:...ids)', { ids }).getMany();
  }

  override async findForUpdate(tx: Tx, id: string): Promise<NominationEntity | undefined> {
    return (await tx.findOne(NominationEntity, { where: { id }, lock: { mode: 'pessimistic_write' } })) ?? undefined;
  }

  override async update(tx: Tx, n: NominationEntity): Promise<void> {
    await tx.query(
      `UPDATE intake.nominations SET contact = $2, indicators = $3, documents = $4, status = $5, version = $6, updated_at = $7, withdrawn_at = $8
       WHERE id = $1`,
      [
        n.id,
        JSON.stringify(n.contact),
        JSON.stringify(n.indicators),
        JSON.stringify(n.documents),
        n.status,
        n.version,
        n.updatedAt,
        n.withdrawnAt,
      ],
    );
  }

  override async list(scope: ReadScope, filter: NominationFilter, page: number, pageSize: number): Promise<NominationPage> {
    const builder = this.dataSource.manager
      .createQueryBuilder(NominationEntity, 'n')
      .orderBy('n.submitted_at', 'ASC')
      .addOrderBy('n.id', 'ASC')
      .skip((page - 1) * pageSize)
      .take(pageSize);
    if (scope.kind === 'everything') builder.where('TRUE');
    else if (scope.kind === 'provinces') builder.where('n.province IN (:...scopeProvinces)', { scopeProvinces: scope.provinces });
    else if (scope.kind === 'national-round') builder.where(`n.tier = 'national'`);
    else builder.where('FALSE');
    for (const field of ['edition', 'tier', 'province', 'category', 'status'] as const) {
      if (filter[field] !== undefined) builder.andWhere(`n.${field} = :${field}`, { [field]: filter[field] });
    }
    if (filter.q?.trim())
      builder.andWhere(`(n.nominee->>'name' ILIKE :name OR n.nominee->>'npp' LIKE :npp)`, {
        name: namePattern(filter.q),
        npp: `${filter.q.trim().replace(/[\\%_]/g, '')}%`,
      });
    const [items, total] = await builder.getManyAndCount();
    return { items, total };
  }

  override countByCategory(edition: string): Promise<CategoryCount[]> {
    return this.dataSource.query(
      `SELECT tier, province, category, count(*) FILTER (WHERE status = 'submitted')::int AS submitted,
              count(*) FILTER (WHERE status = 'withdrawn')::int AS withdrawn
       FROM intake.nominations WHERE edition = $1
       GROUP BY tier, province, category ORDER BY tier DESC, province, category`,
      [edition],
    );
  }
}
