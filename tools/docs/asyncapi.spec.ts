import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { EventCatalog } from '@paritrana/contracts';
import { renderAsyncApi } from './asyncapi';

describe('docs/asyncapi.yaml', () => {
  const committed = readFileSync(join(__dirname, '..', '..', 'docs', 'asyncapi.yaml'), 'utf8');

  it('should be what the event catalogue generates (run npm run docs:asyncapi after changing it)', () => {
    expect(committed).toBe(renderAsyncApi());
  });

  it('should describe every event type of the catalogue on its topic', () => {
    const doc = parse(committed) as {
      channels: Record<string, { address: string; messages: Record<string, unknown> }>;
      components: { messages: Record<string, { name: string }> };
    };
    const described = Object.values(doc.components.messages)
      .map((m) => m.name)
      .sort();

    expect(described).toEqual(Object.keys(EventCatalog).sort());
    expect(
      Object.values(doc.channels)
        .map((c) => c.address)
        .sort(),
    ).toEqual([
      'paritrana.editions.v1',
      'paritrana.nominations.v1',
      'paritrana.notifications.v1',
      'paritrana.rankings.v1',
      'paritrana.scores.v1',
    ]);
  });
});
