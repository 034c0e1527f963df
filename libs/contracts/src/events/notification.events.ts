import { Type, type Static } from '@sinclair/typebox';

export const NotificationSentSchema = Type.Object({
  boardId: Type.String(),
  nominationId: Type.String({ format: 'uuid' }),
  messageId: Type.String(),
  title: Type.String(),
  attempts: Type.Integer({ minimum: 1 }),
  sentAt: Type.String({ format: 'date-time' }),
});

export const NotificationFailedSchema = Type.Object({
  boardId: Type.String(),
  nominationId: Type.String({ format: 'uuid' }),
  messageId: Type.String(),
  title: Type.String(),
  attempts: Type.Integer({ minimum: 1 }),
  error: Type.String(),
  failedAt: Type.String({ format: 'date-time' }),
});

export type NotificationSent = Static<typeof NotificationSentSchema>;
export type NotificationFailed = Static<typeof NotificationFailedSchema>;
