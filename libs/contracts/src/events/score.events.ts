import { Type, type Static } from '@sinclair/typebox';
import { StringEnum, TIERS } from '../edition/edition-definition';

export const SCORE_STATUSES = ['provisional', 'final', 'ineligible'] as const;
export type ScoreStatus = (typeof SCORE_STATUSES)[number];

export const CriterionScoreSchema = Type.Object({
  code: Type.String(),
  weight: Type.Number(),
  value: Type.Union([Type.Number(), Type.String(), Type.Null()]),
  subScore: Type.Number({ minimum: 0, maximum: 100 }),
  contribution: Type.Number(),
});

export const ScoreCalculatedSchema = Type.Object({
  nominationId: Type.String({ format: 'uuid' }),
  edition: Type.String(),
  tier: StringEnum(TIERS),
  province: Type.String(),
  category: Type.String(),
  status: StringEnum(SCORE_STATUSES),
  total: Type.Number({ minimum: 0, maximum: 100 }),
  rubricVersion: Type.Integer(),
  criteria: Type.Array(CriterionScoreSchema),
  reasons: Type.Array(Type.String()),
  calculatedAt: Type.String({ format: 'date-time' }),
});

export type CriterionScore = Static<typeof CriterionScoreSchema>;
export type ScoreCalculated = Static<typeof ScoreCalculatedSchema>;
