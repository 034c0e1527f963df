import { Type, type Static } from '@sinclair/typebox';

export const NOMINEE_KINDS = ['province', 'regency', 'village', 'employer'] as const;
export const TIERS = ['provincial', 'national'] as const;
export const NATIONAL_SCOPES = ['national', 'zone'] as const;
export const PANEL_NORMALIZATIONS = ['none', 'zscore'] as const;

export type NomineeKind = (typeof NOMINEE_KINDS)[number];
export type Tier = (typeof TIERS)[number];

/** A string enum schema (`{ type: 'string', enum }`) typed as the union of its values. */
export const StringEnum = <T extends readonly string[]>(values: T) => Type.Unsafe<T[number]>(Type.String({ enum: [...values] }));

/*
 * The HTTP DTOs (apps/nomination-intake) hold the same rules; a test there runs both over the same
 * definitions and fails on any difference. Which indicators exist (ALL_INDICATORS) and the official
 * province codes are reference data the intake checks, not part of the schemas.
 */
export const EDITION_CODE_PATTERN = '^[A-Za-z0-9-]{1,20}$';
export const ZONE_CODE_PATTERN = '^[a-z0-9-]{1,40}$';
export const CATEGORY_CODE_PATTERN = '^[a-z][a-z0-9-]{0,39}$';
export const CRITERION_CODE_PATTERN = '^[a-z][a-z0-9_]{0,39}$';
export const PANEL_ROUND_PATTERN = '^[a-z][a-z0-9_-]{0,39}$';
export const PROVINCE_CODE_PATTERN = '^[0-9]{2}$';
export const AGGREGATES = ['mean', 'median'] as const;

const Name = (maxLength?: number) => Type.String({ minLength: 1, ...(maxLength ? { maxLength } : {}) });
const Year = () => Type.Integer({ minimum: 2000, maximum: 2100 });

export const ValueSourceSchema = Type.Union([
  Type.Object({ indicator: Type.String() }, { additionalProperties: false }),
  Type.Object({ ratio: Type.Tuple([Type.String(), Type.String()]) }, { additionalProperties: false }),
  Type.Object({ growth: Type.Tuple([Type.String(), Type.String()]) }, { additionalProperties: false }),
  Type.Object({ panel: Type.String({ pattern: PANEL_ROUND_PATTERN }) }, { additionalProperties: false }),
]);

export const ScaleSchema = Type.Union([
  Type.Object({ linear: Type.Object({ min: Type.Number(), max: Type.Number() }) }, { additionalProperties: false }),
  Type.Object(
    { steps: Type.Array(Type.Object({ gte: Type.Number(), score: Type.Number({ minimum: 0, maximum: 100 }) }), { minItems: 1 }) },
    { additionalProperties: false },
  ),
  Type.Object(
    { map: Type.Record(Type.String(), Type.Number({ minimum: 0, maximum: 100 }), { minProperties: 1 }) },
    { additionalProperties: false },
  ),
]);

export const CriterionSchema = Type.Object(
  {
    code: Type.String({ pattern: CRITERION_CODE_PATTERN }),
    name: Name(),
    weight: Type.Number({ exclusiveMinimum: 0 }),
    value: ValueSourceSchema,
    scale: ScaleSchema,
    aggregate: Type.Optional(StringEnum(AGGREGATES)),
  },
  { additionalProperties: false },
);

/** Exactly one of `equals` or `includesAll` (an array); other fields are ignored. */
export const EligibilityRuleSchema = Type.Union([
  Type.Object(
    { indicator: Type.String(), equals: Type.Unknown() },
    { not: { required: ['includesAll'], properties: { includesAll: { type: 'array' } } } },
  ),
  Type.Object({ indicator: Type.String(), includesAll: Type.Array(Type.Unknown()) }, { not: { required: ['equals'] } }),
]);

export const RubricSchema = Type.Object(
  {
    version: Type.Integer({ minimum: 1 }),
    minAssessors: Type.Integer({ minimum: 0, maximum: 50 }),
    eligibility: Type.Array(EligibilityRuleSchema),
    criteria: Type.Array(CriterionSchema, { minItems: 1 }),
    tieBreak: Type.Array(Type.String()),
  },
  { additionalProperties: false },
);

export const CategorySchema = Type.Object(
  {
    code: Type.String({ pattern: CATEGORY_CODE_PATTERN }),
    name: Name(200),
    nomineeKind: StringEnum(NOMINEE_KINDS),
    tiers: Type.Array(StringEnum(TIERS), { minItems: 1 }),
    winners: Type.Integer({ minimum: 1, maximum: 10 }),
    advance: Type.Integer({ minimum: 0 }),
    nationalScope: StringEnum(NATIONAL_SCOPES),
    rubrics: Type.Object(
      { provincial: Type.Optional(RubricSchema), national: Type.Optional(RubricSchema) },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);

const WindowSchema = Type.Object(
  {
    submissionsOpen: Type.String({ format: 'date-time' }),
    submissionsClose: Type.String({ format: 'date-time' }),
  },
  { additionalProperties: false },
);

export const ZoneSchema = Type.Object(
  {
    code: Type.String({ pattern: ZONE_CODE_PATTERN }),
    name: Name(),
    provinces: Type.Array(Type.String({ pattern: PROVINCE_CODE_PATTERN }), { minItems: 1 }),
  },
  { additionalProperties: false },
);

export const EditionDefinitionSchema = Type.Object(
  {
    code: Type.String({ pattern: EDITION_CODE_PATTERN }),
    name: Name(200),
    assessmentYear: Year(),
    awardYear: Year(),
    schedule: Type.Object({ provincial: WindowSchema, national: Type.Optional(WindowSchema) }, { additionalProperties: false }),
    zones: Type.Array(ZoneSchema),
    categories: Type.Array(CategorySchema, { minItems: 1 }),
    /** `zscore` standardises each assessor's panel scores before they are averaged; `none` (default) uses them as given. */
    panelNormalization: Type.Optional(StringEnum(PANEL_NORMALIZATIONS)),
  },
  { additionalProperties: false },
);

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
