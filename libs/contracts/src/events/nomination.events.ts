import { Type, type Static } from '@sinclair/typebox';
import { NOMINEE_KINDS, StringEnum, TIERS } from '../edition/edition-definition';

export const NomineeSchema = Type.Object({
  kind: StringEnum(NOMINEE_KINDS),
  name: Type.String(),
  regionCode: Type.String(),
  npp: Type.Optional(Type.String()),
  sector: Type.Optional(Type.String()),
  size: Type.Optional(Type.String()),
});

export const ContactSchema = Type.Object({
  name: Type.String(),
  email: Type.String(),
  /** The submitting regional office, copied on the congratulation email. */
  copyTo: Type.Optional(Type.String()),
});

export const DocumentSchema = Type.Object({ name: Type.String(), url: Type.String() });

/** What identifies a nomination and the board it competes on, in every nomination event. */
const NominationRefFields = {
  nominationId: Type.String({ format: 'uuid' }),
  edition: Type.String(),
  tier: StringEnum(TIERS),
  province: Type.String({ pattern: '^[0-9]{2}$' }),
  category: Type.String(),
};

const NominationContentFields = {
  nominee: NomineeSchema,
  contact: ContactSchema,
  indicators: Type.Record(Type.String(), Type.Unknown()),
};

export const NominationSubmittedSchema = Type.Object({
  ...NominationRefFields,
  ...NominationContentFields,
  submittedAt: Type.String({ format: 'date-time' }),
  submittedBy: Type.String(),
  /** For a national-round nomination created by advancement: the provincial nomination and board it came from. */
  advancedFrom: Type.Optional(
    Type.Object({ nominationId: Type.String({ format: 'uuid' }), boardId: Type.String(), rank: Type.Integer({ minimum: 1 }) }),
  ),
});

/** The nomination as it stands after an amendment (contact, indicators, documents replaced). */
export const NominationAmendedSchema = Type.Object({
  ...NominationRefFields,
  ...NominationContentFields,
  documents: Type.Array(DocumentSchema),
  version: Type.Integer({ minimum: 2 }),
  amendedFields: Type.Array(StringEnum(['contact', 'indicators', 'documents'] as const)),
  submittedAt: Type.String({ format: 'date-time' }),
  amendedAt: Type.String({ format: 'date-time' }),
  amendedBy: Type.String(),
});

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
