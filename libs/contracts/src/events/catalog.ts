import type { Static, TSchema } from '@sinclair/typebox';
import { Topics, type Topic } from '../topics';
import { EditionDefinedSchema } from './edition.events';
import { NominationAmendedSchema, NominationSubmittedSchema, NominationWithdrawnSchema } from './nomination.events';
import { NotificationFailedSchema, NotificationSentSchema } from './notification.events';
import { RankingChangedSchema, RankingPublishedSchema, RankingUpdatedSchema } from './ranking.events';
import { ScoreCalculatedSchema } from './score.events';

/** Names are never renamed, only versioned: a new shape gets a new `.vN`. */
export const EventTypes = {
  EditionDefined: 'paritrana.edition.defined.v1',
  NominationSubmitted: 'paritrana.nomination.submitted.v1',
  NominationAmended: 'paritrana.nomination.amended.v1',
  NominationWithdrawn: 'paritrana.nomination.withdrawn.v1',
  ScoreCalculated: 'paritrana.score.calculated.v1',
  RankingUpdated: 'paritrana.ranking.updated.v1',
  RankingChanged: 'paritrana.ranking.changed.v1',
  RankingPublished: 'paritrana.ranking.published.v1',
  NotificationSent: 'paritrana.notification.sent.v1',
  NotificationFailed: 'paritrana.notification.failed.v1',
} as const;

export type EventType = (typeof EventTypes)[keyof typeof EventTypes];

interface CatalogEntry {
  readonly topic: Topic;
  readonly schema: TSchema;
  /** Most of its topic's traffic: one per nomination, score or board change (a consumer that takes none may wait for more). */
  readonly frequent?: true;
}

/** The one catalogue: each event type has exactly one topic and one payload schema. */
export const EventCatalog = {
  [EventTypes.EditionDefined]: { topic: Topics.Editions, schema: EditionDefinedSchema },
  [EventTypes.NominationSubmitted]: { topic: Topics.Nominations, schema: NominationSubmittedSchema, frequent: true },
  [EventTypes.NominationAmended]: { topic: Topics.Nominations, schema: NominationAmendedSchema },
  [EventTypes.NominationWithdrawn]: { topic: Topics.Nominations, schema: NominationWithdrawnSchema },
  [EventTypes.ScoreCalculated]: { topic: Topics.Scores, schema: ScoreCalculatedSchema, frequent: true },
  [EventTypes.RankingUpdated]: { topic: Topics.Rankings, schema: RankingUpdatedSchema, frequent: true },
  [EventTypes.RankingChanged]: { topic: Topics.Rankings, schema: RankingChangedSchema, frequent: true },
  [EventTypes.RankingPublished]: { topic: Topics.Rankings, schema: RankingPublishedSchema },
  [EventTypes.NotificationSent]: { topic: Topics.Notifications, schema: NotificationSentSchema },
  [EventTypes.NotificationFailed]: { topic: Topics.Notifications, schema: NotificationFailedSchema },
} as const satisfies Record<EventType, CatalogEntry>;

export type EventData<T extends EventType> = Static<(typeof EventCatalog)[T]['schema']>;

export function isKnownEventType(type: string): type is EventType {
  return Object.hasOwn(EventCatalog, type);
}
