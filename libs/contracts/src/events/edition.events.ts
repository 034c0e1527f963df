import { Type, type Static } from '@sinclair/typebox';
import { EditionDefinitionSchema } from '../edition/edition-definition';

export const EditionDefinedSchema = Type.Object({
  definition: EditionDefinitionSchema,
  definedAt: Type.String({ format: 'date-time' }),
  definedBy: Type.String(),
});

export type EditionDefined = Static<typeof EditionDefinedSchema>;
