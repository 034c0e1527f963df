import { Type, type Static } from '@sinclair/typebox';
import { StringEnum, TIERS } from '../edition/edition-definition';
import { SCORE_STATUSES } from './score.events';

const NomineeRefSchema = Type.Object({
  kind: Type.String(),
  name: Type.String(),
  regionCode: Type.String(),
  npp: Type.Optional(Type.String()),
});

export const StandingSchema = Type.Object({
  rank: Type.Integer({ minimum: 1 }),
  title: Type.Optional(Type.String()),
  nominationId: Type.String({ format: 'uuid' }),
  nominee: NomineeRefSchema,
  total: Type.Number(),
  status: StringEnum(SCORE_STATUSES),
});

export const IneligibleSchema = Type.Object({
  nominationId: Type.String({ format: 'uuid' }),
  nominee: NomineeRefSchema,
  reasons: Type.Array(Type.String()),
});

const BoardFields = {
  boardId: Type.String(),
  edition: Type.String(),
  tier: StringEnum(TIERS),
  scope: Type.String(),
  category: Type.String(),
  standings: Type.Array(StandingSchema),
  ineligible: Type.Array(IneligibleSchema),
};

export const RankingUpdatedSchema = Type.Object({ ...BoardFields, updatedAt: Type.String({ format: 'date-time' }) });

export const RankingPublishedSchema = Type.Object({
  ...BoardFields,
  publishedAt: Type.String({ format: 'date-time' }),
  publishedBy: Type.String(),
});

export type Standing = Static<typeof StandingSchema>;
export type IneligibleEntry = Static<typeof IneligibleSchema>;
export type RankingUpdated = Static<typeof RankingUpdatedSchema>;
export type RankingPublished = Static<typeof RankingPublishedSchema>;
