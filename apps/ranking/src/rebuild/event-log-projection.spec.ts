import { createEvent, EventTypes, type CloudEvent, type EditionDefinition } from '@paritrana/contracts';
import { EventLogProjection } from './event-log-projection';

const edition = 'p2024';
const nominationId = '2f1c4a9e-6b0d-4c53-9d7e-8a1b2c3d4e5f';
const origin = { service: 'test' };
const ref = { nominationId, edition, tier: 'provincial' as const, province: '15', category: 'regency' };

const definition = {
  code: edition,
  categories: [{ code: 'regency', winners: 3, rubrics: { provincial: { tieBreak: [] } } }],
  zones: [],
} as unknown as EditionDefinition;

const submitted = createEvent(
  EventTypes.NominationSubmitted,
  nominationId,
  {
    ...ref,
    nominee: { kind: 'regency', name: 'Kabupaten Bungo', regionCode: '15.08' },
    contact: { name: 'Setda', email: 'setda@bungokab.go.id' },
    indicators: {},
    submittedAt: '2025-02-01T00:00:00.000Z',
    submittedBy: 'test',
  },
  origin,
);

const scoreAt = (total: number, calculatedAt: string): CloudEvent =>
  createEvent(
    EventTypes.ScoreCalculated,
    nominationId,
    { ...ref, status: 'final', total, rubricVersion: 1, criteria: [], reasons: [], calculatedAt },
    origin,
  );

describe('EventLogProjection', () => {
  const totalsAfter = (scores: CloudEvent[]) => {
    const sut = new EventLogProjection(edition);
    const defined = createEvent(
      EventTypes.EditionDefined,
      edition,
      { definition, definedAt: '2025-01-01T00:00:00.000Z', definedBy: 'test' },
      origin,
    );
    for (const event of [defined, submitted, ...scores]) sut.apply(event);
    return sut.boards()[0].standings.map((s) => s.total);
  };

  it('should keep the newer score when an older one comes after it in the log', () => {
    expect(totalsAfter([scoreAt(80, '2025-03-02T10:00:00.000Z'), scoreAt(40, '2025-03-01T10:00:00.000Z')])).toEqual([80]);
  });

  it('should take the later score when scores come in the order they were calculated', () => {
    expect(totalsAfter([scoreAt(40, '2025-03-01T10:00:00.000Z'), scoreAt(80, '2025-03-02T10:00:00.000Z')])).toEqual([80]);
  });
});
