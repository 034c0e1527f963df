export const Topics = {
  Editions: 'paritrana.editions.v1',
  Nominations: 'paritrana.nominations.v1',
  Scores: 'paritrana.scores.v1',
  Rankings: 'paritrana.rankings.v1',
  Notifications: 'paritrana.notifications.v1',
} as const;

export type Topic = (typeof Topics)[keyof typeof Topics];

export const ALL_TOPICS: readonly Topic[] = Object.values(Topics);

export const deadLetterTopic = (topic: string): string => `${topic}.dlq`;
