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

export const NominationSubmittedSchema = Type.Object({
  nominationId: Type.String({ format: 'uuid' }),
  edition: Type.String(),
  tier: StringEnum(TIERS),
  province: Type.String({ pattern: '^[0-9]{2}$' }),
  category: Type.String(),
  nominee: NomineeSchema,
  contact: ContactSchema,
  indicators: Type.Record(Type.String(), Type.Unknown()),
  submittedAt: Type.String({ format: 'date-time' }),
  submittedBy: Type.String(),
});

/** The nomination as it stands after an amendment (contact, indicators, documents replaced). */
export const NominationAmendedSchema = Type.Object({
  nominationId: Type.String({ format: 'uuid' }),
  edition: Type.String(),
  tier: StringEnum(TIERS),
  province: Type.String({ pattern: '^[0-9]{2}$' }),
  category: Type.String(),
  nominee: NomineeSchema,
  contact: ContactSchema,
  indicators: Type.Record(Type.String(), Type.Unknown()),
  documents: Type.Array(DocumentSchema),
  version: Type.Integer({ minimum: 2 }),
  amendedFields: Type.Array(StringEnum(['contact', 'indicators', 'documents'] as const)),
  submittedAt: Type.String({ format: 'date-time' }),
  amendedAt: Type.String({ format: 'date-time' }),
  amendedBy: Type.String(),
});

export const NominationWithdrawnSchema = Type.Object({
  nominationId: Type.String({ format: 'uuid' }),
  edition: Type.String(),
  tier: StringEnum(TIERS),
  province: Type.String({ pattern: '^[0-9]{2}$' }),
  category: Type.String(),
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
