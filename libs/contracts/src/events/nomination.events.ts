import { Type, type Static } from '@sinclair/typebox';
import { NOMINEE_KINDS, PROVINCE_CODE_PATTERN, StringEnum, TIERS } from '../edition/edition-definition';
import { EmployerIndicatorsSchema, GovernmentIndicatorsSchema, IndicatorsSchema } from '../edition/indicators';

/*
 * The HTTP DTOs of apps/nomination-intake hold the same rules for nominee and contact; a test there
 * runs both over the same nominations and fails on any difference. Which region codes exist, and
 * whether a region lies in the nomination's province, is reference data the intake checks.
 */
export const EMPLOYER_SECTORS = [
  'finance',
  'trade-services',
  'mining-manufacturing-construction',
  'agriculture',
  'education',
  'public-service',
  'other',
] as const;
export const EMPLOYER_SIZES = ['large', 'medium', 'small-micro'] as const;
export const REGION_CODE_PATTERN = '^[0-9]{2}(\\.[0-9]{2}(\\.[0-9]{2}(\\.[0-9]{4})?)?)?$';
export const NPP_PATTERN = '^[0-9A-Z]{5,20}$';

const EMPLOYER_ONLY = ['npp', 'sector', 'size'] as const;

/** Governments are named from the official list; employers also carry their NPP, sector and size. */
export const NomineeSchema = Type.Object(
  {
    kind: StringEnum(NOMINEE_KINDS),
    name: Type.String({ minLength: 1, maxLength: 200 }),
    regionCode: Type.String({ pattern: REGION_CODE_PATTERN }),
    npp: Type.Optional(Type.String({ pattern: NPP_PATTERN })),
    sector: Type.Optional(StringEnum(EMPLOYER_SECTORS)),
    size: Type.Optional(StringEnum(EMPLOYER_SIZES)),
  },
  {
    additionalProperties: false,
    if: { properties: { kind: { const: 'employer' } } },
    then: { required: [...EMPLOYER_ONLY] },
    else: { not: { anyOf: EMPLOYER_ONLY.map((field) => ({ required: [field] })) } },
  },
);

export const ContactSchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    email: Type.String({ format: 'email', maxLength: 254 }),
    /** The submitting regional office, copied on the congratulation email. */
    copyTo: Type.Optional(Type.String({ format: 'email', maxLength: 254 })),
  },
  { additionalProperties: false },
);

export const DocumentSchema = Type.Object({ name: Type.String(), url: Type.String() });

/** What identifies a nomination and the board it competes on, in every nomination event. */
const NominationRefFields = {
  nominationId: Type.String({ format: 'uuid' }),
  edition: Type.String(),
  tier: StringEnum(TIERS),
  province: Type.String({ pattern: PROVINCE_CODE_PATTERN }),
  category: Type.String(),
};

const NominationContentFields = {
  nominee: NomineeSchema,
  contact: ContactSchema,
  indicators: IndicatorsSchema,
};

/** The indicators are those of the nominee's kind: an employer's, or a government's. */
const indicatorsOfTheNomineeKind = {
  if: { properties: { nominee: { properties: { kind: { const: 'employer' } } } } },
  then: { properties: { indicators: EmployerIndicatorsSchema } },
  else: { properties: { indicators: GovernmentIndicatorsSchema } },
};

export const NominationSubmittedSchema = Type.Object(
  {
    ...NominationRefFields,
    ...NominationContentFields,
    submittedAt: Type.String({ format: 'date-time' }),
    submittedBy: Type.String(),
    /** For a national-round nomination created by advancement: the provincial nomination and board it came from. */
    advancedFrom: Type.Optional(
      Type.Object({ nominationId: Type.String({ format: 'uuid' }), boardId: Type.String(), rank: Type.Integer({ minimum: 1 }) }),
    ),
  },
  indicatorsOfTheNomineeKind,
);

/** The nomination as it stands after an amendment (contact, indicators, documents replaced). */
export const NominationAmendedSchema = Type.Object(
  {
    ...NominationRefFields,
    ...NominationContentFields,
    documents: Type.Array(DocumentSchema),
    version: Type.Integer({ minimum: 2 }),
    amendedFields: Type.Array(StringEnum(['contact', 'indicators', 'documents'] as const)),
    submittedAt: Type.String({ format: 'date-time' }),
    amendedAt: Type.String({ format: 'date-time' }),
    amendedBy: Type.String(),
  },
  indicatorsOfTheNomineeKind,
);

export const NominationWithdrawnSchema = Type.Object({
  ...NominationRefFields,
  reason: Type.Optional(Type.String()),
  withdrawnAt: Type.String({ format: 'date-time' }),
  withdrawnBy: Type.String(),
});

export type Nominee = Static<typeof NomineeSchema>;
export type NominationDocument = Static<typeof DocumentSchema>;
export type NominationAmended = Static<typeof NominationAmendedSchema>;
export type NominationWithdrawn = Static<typeof NominationWithdrawnSchema>;
export type Contact = Static<typeof ContactSchema>;
export type NominationSubmitted = Static<typeof NominationSubmittedSchema>;
