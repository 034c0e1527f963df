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

const BoardKeyFields = {
  boardId: Type.String(),
  edition: Type.String(),
  tier: StringEnum(TIERS),
  scope: Type.String(),
  category: Type.String(),
};

const BoardFields = {
  ...BoardKeyFields,
  standings: Type.Array(StandingSchema),
  ineligible: Type.Array(IneligibleSchema),
};

/** A board's version: 1 after its first `ranking.changed`, one more after each. */
const BoardVersion = Type.Integer({ minimum: 0 });

/** The whole open board; `version` names the last `ranking.changed` it includes (absent from events written before it existed). */
export const RankingUpdatedSchema = Type.Object({
  ...BoardFields,
  version: Type.Optional(BoardVersion),
  updatedAt: Type.String({ format: 'date-time' }),
});

/**
 * What changed on an open board since its previous version: the standings that entered or changed in anything but
 * their rank (at their new rank, ascending), the nominations that left the standings, and the same for the
 * ineligible list; `counts` are the lists' lengths after the change. `applyBoardChange` turns version n - 1 into n.
 */
export const RankingChangedSchema = Type.Object({
  ...BoardKeyFields,
  version: Type.Integer({ minimum: 1 }),
  standings: Type.Array(StandingSchema),
  left: Type.Array(Type.String({ format: 'uuid' })),
  ineligible: Type.Array(IneligibleSchema),
  ineligibleLeft: Type.Array(Type.String({ format: 'uuid' })),
  counts: Type.Object({ standings: Type.Integer({ minimum: 0 }), ineligible: Type.Integer({ minimum: 0 }) }),
  changedAt: Type.String({ format: 'date-time' }),
});

export const RankingPublishedSchema = Type.Object({
  ...BoardFields,
  publishedAt: Type.String({ format: 'date-time' }),
  publishedBy: Type.String(),
});

export type Standing = Static<typeof StandingSchema>;
export type IneligibleEntry = Static<typeof IneligibleSchema>;
export type RankingUpdated = Static<typeof RankingUpdatedSchema>;
export type RankingChanged = Static<typeof RankingChangedSchema>;
export type RankingPublished = Static<typeof RankingPublishedSchema>;
