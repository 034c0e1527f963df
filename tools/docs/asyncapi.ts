import { ALL_TOPICS, deadLetterTopic, EventCatalog, type EventType } from '@paritrana/contracts';
import { CloudEventEnvelopeSchema } from '@paritrana/contracts/events/envelope.schema';
import { stringify } from 'yaml';

const PRODUCERS: Record<string, string> = {
  'paritrana.editions.v1': 'nomination-intake',
  'paritrana.nominations.v1': 'nomination-intake',
  'paritrana.scores.v1': 'scoring',
  'paritrana.rankings.v1': 'ranking',
  'paritrana.notifications.v1': 'notification',
};

const DESCRIPTIONS: Record<EventType, string> = {
  'paritrana.edition.defined.v1': 'An edition was defined: schedule, zones, categories and their rubrics.',
  'paritrana.nomination.submitted.v1':
    'A nomination was submitted (or created by advancement into the national round). Carries the contact.',
  'paritrana.nomination.amended.v1': 'A nomination was amended: the nomination as it now stands.',
  'paritrana.nomination.withdrawn.v1': 'A nomination was withdrawn; it leaves its board.',
  'paritrana.score.calculated.v1': 'A nomination was (re-)scored, criterion by criterion.',
  'paritrana.ranking.updated.v1':
    'The whole open board, at most once per RANKING_WHOLE_BOARD_SECONDS (60 s) per board while it changes, and as a shared budget of RANKING_WHOLE_BOARD_STANDINGS_PER_SECOND (1,000) standings a second allows; `version` names the last `ranking.changed` it includes. A consumer may start its copy of a board from it.',
  'paritrana.ranking.changed.v1':
    'What changed on an open board, as soon as ranking sees it: the standings that entered or changed in anything but their rank (at their new rank), those that left, and the same for the ineligible list. Version n follows n - 1 on the board’s key: applied in order from version 1 (or from a `ranking.updated` of the same version), it gives the board exactly as GET /v1/boards/:id does. The event new consumers should follow.',
  'paritrana.ranking.published.v1': 'A board was published, once; its standings are final and frozen. No contact details.',
  'paritrana.notification.sent.v1': 'A congratulation email was accepted by the mail server.',
  'paritrana.notification.failed.v1':
    'A congratulation email was refused for good (or ran out of attempts); the delivery log has the reason.',
};

const strip = (schema: unknown): unknown => JSON.parse(JSON.stringify(schema));
const messageName = (type: string) =>
  type
    .replace(/^paritrana\./, '')
    .replace(/\.v\d+$/, '')
    .replace(/\.(\w)/g, (_, c: string) => c.toUpperCase());

/** The AsyncAPI 3 document of the event stream, generated from the one catalogue. */
export function asyncApiDocument(): Record<string, unknown> {
  const envelope = strip(CloudEventEnvelopeSchema) as { properties: Record<string, unknown>; required: string[] };
  const messages: Record<string, unknown> = {};
  const channels: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};
  for (const topic of ALL_TOPICS) {
    const types = (Object.keys(EventCatalog) as EventType[]).filter((t) => EventCatalog[t].topic === topic);
    const channel = topic.replace(/^paritrana\./, '').replace(/\.v\d+$/, '');
    for (const type of types) {
      messages[messageName(type)] = {
        name: type,
        title: type,
        summary: DESCRIPTIONS[type],
        contentType: 'application/cloudevents+json',
        headers: { type: 'object', properties: { ce_type: { const: type } } },
        payload: {
          ...envelope,
          properties: { ...envelope.properties, type: { const: type }, data: strip(EventCatalog[type].schema) },
        },
      };
    }
    channels[channel] = {
      address: topic,
      description: `Keyed by the aggregate id (the CloudEvents subject); dead letters go to ${deadLetterTopic(topic)} with the reason in the dlq-reason header.`,
      messages: Object.fromEntries(types.map((t) => [messageName(t), { $ref: `#/components/messages/${messageName(t)}` }])),
    };
    operations[
      `${PRODUCERS[topic].replace(/-(\w)/g, (_, c: string) => c.toUpperCase())}Sends${channel[0].toUpperCase()}${channel.slice(1)}`
    ] = {
      action: 'send',
      channel: { $ref: `#/channels/${channel}` },
      summary: `${PRODUCERS[topic]} publishes to ${topic} through its transactional outbox.`,
      messages: types.map((t) => ({ $ref: `#/channels/${channel}/messages/${messageName(t)}` })),
    };
  }
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Paritrana Award event stream',
      version: '1.0.0',
      description:
        'Every message is a CloudEvents 1.0 structured JSON envelope keyed by the aggregate id. Event names are never renamed, only versioned. Generated from libs/contracts/src/events/catalog.ts by `npm run docs:asyncapi`.',
    },
    defaultContentType: 'application/cloudevents+json',
    servers: { local: { host: '127.0.0.1:9092', protocol: 'kafka', description: 'The broker of `make start`' } },
    channels,
    operations,
    components: { messages },
  };
}

export const renderAsyncApi = () =>
  `# Generated by \`npm run docs:asyncapi\` from the event catalogue; do not edit by hand.\n${stringify(asyncApiDocument(), { aliasDuplicateObjects: false })}`;
