import { Type } from '@sinclair/typebox';

export const CloudEventEnvelopeSchema = Type.Object({
  specversion: Type.Literal('1.0'),
  id: Type.String({ format: 'uuid' }),
  source: Type.String({ minLength: 1 }),
  type: Type.String({ minLength: 1 }),
  time: Type.String({ format: 'date-time' }),
  subject: Type.String({ minLength: 1 }),
  datacontenttype: Type.Literal('application/json'),
  correlationid: Type.Optional(Type.String()),
  causationid: Type.Optional(Type.String()),
  data: Type.Unknown(),
});
