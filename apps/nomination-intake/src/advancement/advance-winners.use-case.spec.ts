import { createEvent, EventTypes, type CloudEvent } from '@paritrana/contracts';
import { InMemoryEventPublisher } from '@paritrana/messaging';
import { InMemoryAuditLog, type Tx } from '@paritrana/platform';
import { InMemoryEditionStore } from '../editions/edition.store.in-memory';
import { NominationRules } from '../nominations/nomination-rules';
import type { NominationEntity } from '../nominations/nomination.entity';
import { InMemoryNominationStore } from '../nominations/nomination.store.in-memory';
import { jambiOffice, NOW, regencyEdition, regencyNomination } from '../testing/intake.fixtures';
import { AdvanceWinnersUseCase } from './advance-winners.use-case';

const tx = {} as Tx;
const LATER = new Date(NOW.getTime() + 7 * 24 * 3600_000);

const published = (
  standings: Array<{ nomination: Pick<NominationEntity, 'id' | 'nominee'>; rank: number }>,
  board: { edition?: string; tier?: 'provincial' | 'national' } = {},
): CloudEvent<typeof EventTypes.RankingPublished> => {
  const edition = board.edition ?? '2024';
  const tier = board.tier ?? 'provincial';
  return createEvent(
    EventTypes.RankingPublished,
    `${edition}:${tier}:15:regency`,
    {
      boardId: `${edition}:${tier}:15:regency`,
      edition,
      tier,
      scope: '15',
      category: 'regency',
      standings: standings.map(({ nomination, rank }) => ({
        rank,
        nominationId: nomination.id,
        nominee: { kind: nomination.nominee.kind, name: nomination.nominee.name, regionCode: nomination.nominee.regionCode },
        total: 90 - rank,
        status: 'final' as const,
      })),
      ineligible: [],
      publishedAt: LATER.toISOString(),
      publishedBy: 'chair-15',
    },
    { service: 'ranking' },
  );
};

describe('AdvanceWinnersUseCase', () => {
  let nominations: InMemoryNominationStore;
  let events: InMemoryEventPublisher;
  let audit: InMemoryAuditLog;
  let first: NominationEntity;
  let second: NominationEntity;

  const build = (editions = new InMemoryEditionStore(regencyEdition('2024'))) =>
    new AdvanceWinnersUseCase(editions, nominations, events, audit);

  beforeEach(async () => {
    nominations = new InMemoryNominationStore();
    events = new InMemoryEventPublisher();
    audit = new InMemoryAuditLog();
    const rules = new NominationRules(new InMemoryEditionStore(regencyEdition('2024')));
    first = await rules.prepare(regencyNomination('15.08'), jambiOffice, NOW);
    second = await rules.prepare(regencyNomination('15.01'), jambiOffice, NOW);
    await nominations.insert(tx, [first, second]);
  });

  it('should enter the first `advance` nominees in the national round, announce and audit them when a provincial board is published', async () => {
    const sut = build();
    const event = published([
      { nomination: first, rank: 1 },
      { nomination: second, rank: 2 },
    ]);

    const created = await sut.execute({ published: event, now: LATER }, tx);

    expect(created).toHaveLength(1);
    const advancedFrom = { nominationId: first.id, boardId: '2024:provincial:15:regency', rank: 1 };
    const { id: _firstId, ...copied } = first;
    expect(created[0]).toEqual({
      ...copied,
      id: expect.any(String),
      tier: 'national',
      status: 'submitted',
      version: 1,
      submittedBy: 'advancement',
      submittedAt: LATER,
      updatedAt: LATER,
      withdrawnAt: null,
      advancedFrom,
    });
    expect(created[0].id).not.toBe(first.id);
    expect(await nominations.find(created[0].id)).toEqual(created[0]);
    expect(events.published).toHaveLength(1);
    expect(events.published[0]).toMatchObject({
      type: EventTypes.NominationSubmitted,
      subject: created[0].id,
      causationid: event.id,
      data: { nominationId: created[0].id, tier: 'national', submittedBy: 'advancement', advancedFrom },
    });
    expect(audit.entries).toEqual([
      { action: 'nomination.submitted', nominationId: created[0].id, province: '15', details: { advancedFrom }, actor: 'advancement' },
    ]);
  });

  it('should create nothing twice when the publication is redelivered', async () => {
    const sut = build();
    const event = published([{ nomination: first, rank: 1 }]);
    await sut.execute({ published: event, now: LATER }, tx);

    const again = await sut.execute({ published: event, now: LATER }, tx);

    expect(again).toEqual([]);
    expect(nominations.all().filter((n) => n.tier === 'national')).toHaveLength(1);
    expect(events.published).toHaveLength(1);
    expect(audit.entries).toHaveLength(1);
  });

  it('should skip a standing intake does not know and advance the others when the board names an unknown nomination', async () => {
    const sut = build(new InMemoryEditionStore(regencyEdition('2024', { advance: 2 })));
    const unknown = { id: '00000000-0000-4000-8000-000000000000', nominee: first.nominee };

    const created = await sut.execute(
      {
        published: published([
          { nomination: unknown, rank: 1 },
          { nomination: second, rank: 2 },
        ]),
        now: LATER,
      },
      tx,
    );

    expect(created.map((n) => n.advancedFrom)).toEqual([{ nominationId: second.id, boardId: '2024:provincial:15:regency', rank: 2 }]);
  });

  it('should do nothing when the published board is a national one', async () => {
    const created = await build().execute({ published: published([{ nomination: first, rank: 1 }], { tier: 'national' }), now: LATER }, tx);

    expect(created).toEqual([]);
    expect(events.published).toEqual([]);
  });

  it('should do nothing when the category advances no one', async () => {
    const sut = build(new InMemoryEditionStore(regencyEdition('2024', { advance: 0 })));

    const created = await sut.execute({ published: published([{ nomination: first, rank: 1 }]), now: LATER }, tx);

    expect(created).toEqual([]);
    expect(nominations.all()).toHaveLength(2);
  });

  it('should do nothing when the edition is unknown to intake', async () => {
    const created = await build().execute({ published: published([{ nomination: first, rank: 1 }], { edition: '1999' }), now: LATER }, tx);

    expect(created).toEqual([]);
    expect(audit.entries).toEqual([]);
  });
});
