import { Type, type Static } from '@sinclair/typebox';

export const NOMINEE_KINDS = ['province', 'regency', 'village', 'employer'] as const;
export const TIERS = ['provincial', 'national'] as const;
export const NATIONAL_SCOPES = ['national', 'zone'] as const;
export const PANEL_NORMALIZATIONS = ['none', 'zscore'] as const;

export type NomineeKind = (typeof NOMINEE_KINDS)[number];
export type Tier = (typeof TIERS)[number];

/** A string enum schema (`{ type: 'string', enum }`) typed as the union of its values. */
export const StringEnum = <T extends readonly string[]>(values: T) => Type.Unsafe<T[number]>(Type.String({ enum: [...values] }));

export const ValueSourceSchema = Type.Union([
  Type.Object({ indicator: Type.String() }, { additionalProperties: false }),
  Type.Object({ ratio: Type.Tuple([Type.String(), Type.String()]) }, { additionalProperties: false }),
  Type.Object({ growth: Type.Tuple([Type.String(), Type.String()]) }, { additionalProperties: false }),
  Type.Object({ panel: Type.String() }, { additionalProperties: false }),
]);

export const ScaleSchema = Type.Union([
  Type.Object({ linear: Type.Object({ min: Type.Number(), max: Type.Number() }) }, { additionalProperties: false }),
  Type.Object(
    { steps: Type.Array(Type.Object({ gte: Type.Number(), score: Type.Number({ minimum: 0, maximum: 100 }) })) },
    { additionalProperties: false },
  ),
  Type.Object({ map: Type.Record(Type.String(), Type.Number({ minimum: 0, maximum: 100 })) }, { additionalProperties: false }),
]);

export const CriterionSchema = Type.Object({
  code: Type.String(),
  name: Type.String(),
  weight: Type.Number({ exclusiveMinimum: 0 }),
  value: ValueSourceSchema,
  scale: ScaleSchema,
  aggregate: Type.Optional(StringEnum(['mean', 'median'] as const)),
});

export const EligibilityRuleSchema = Type.Union([
  Type.Object({ indicator: Type.String(), equals: Type.Unknown() }),
  Type.Object({ indicator: Type.String(), includesAll: Type.Array(Type.Unknown()) }),
]);

export const RubricSchema = Type.Object({
  version: Type.Integer({ minimum: 1 }),
  minAssessors: Type.Integer({ minimum: 0 }),
  eligibility: Type.Array(EligibilityRuleSchema),
  criteria: Type.Array(CriterionSchema, { minItems: 1 }),
  tieBreak: Type.Array(Type.String()),
});

export const CategorySchema = Type.Object({
  code: Type.String(),
  name: Type.String(),
  nomineeKind: StringEnum(NOMINEE_KINDS),
  tiers: Type.Array(StringEnum(TIERS), { minItems: 1 }),
  winners: Type.Integer({ minimum: 1 }),
  advance: Type.Integer({ minimum: 0 }),
  nationalScope: StringEnum(NATIONAL_SCOPES),
  rubrics: Type.Object({ provincial: Type.Optional(RubricSchema), national: Type.Optional(RubricSchema) }),
});

const WindowSchema = Type.Object({
  submissionsOpen: Type.String({ format: 'date-time' }),
  submissionsClose: Type.String({ format: 'date-time' }),
});

export const ZoneSchema = Type.Object({
  code: Type.String(),
  name: Type.String(),
  provinces: Type.Array(Type.String()),
});

export const EditionDefinitionSchema = Type.Object({
  code: Type.String(),
  name: Type.String(),
  assessmentYear: Type.Integer(),
  awardYear: Type.Integer(),
  schedule: Type.Object({ provincial: WindowSchema, national: Type.Optional(WindowSchema) }),
  zones: Type.Array(ZoneSchema),
  categories: Type.Array(CategorySchema, { minItems: 1 }),
  /** `zscore` standardises each assessor's panel scores before they are averaged; `none` (default) uses them as given. */
  panelNormalization: Type.Optional(StringEnum(PANEL_NORMALIZATIONS)),
});

export type ValueSource = Static<typeof ValueSourceSchema>;
export type Scale = Static<typeof ScaleSchema>;
export type Criterion = Static<typeof CriterionSchema>;
export type EligibilityRule = Static<typeof EligibilityRuleSchema>;
export type Rubric = Static<typeof RubricSchema>;
export type Category = Static<typeof CategorySchema>;
export type Zone = Static<typeof ZoneSchema>;
export type EditionDefinition = Static<typeof EditionDefinitionSchema>;

export function findCategory(edition: EditionDefinition, code: string): Category | undefined {
  return edition.categories.find((c) => c.code === code);
}
