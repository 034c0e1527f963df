import { EventTypes } from '@paritrana/contracts';
import { Probe, readRankingMessage } from './probe';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const C = '00000000-0000-4000-8000-00000000000c';

const nominee = { kind: 'village', name: 'Desa', regionCode: '15.01.01.2001' };
const standing = (nominationId: string, rank: number, status = 'final') => ({ rank, nominationId, nominee, total: 80, status });
const board = { boardId: 'b', edition: 'e', tier: 'provincial', scope: '15', category: 'village' };

const changed = (standings: unknown[], ineligible: unknown[] = [], version = 1) =>
  Buffer.from(
    JSON.stringify({
      type: EventTypes.RankingChanged,
      data: {
        ...board,
        version,
        standings,
        left: [],
        ineligible,
        ineligibleLeft: [],
        counts: { standings: 0, ineligible: 0 },
        changedAt: '2025-03-01T08:00:00.000Z',
      },
    }),
  );
const updated = (standings: unknown[], ineligible: unknown[] = []) =>
  Buffer.from(JSON.stringify({ type: EventTypes.RankingUpdated, data: { ...board, version: 1, standings, ineligible } }));

describe('readRankingMessage', () => {
  it('should show ranked the final standings and the ineligible a ranking.changed carries, not the provisional ones', () => {
    const value = changed([standing(A, 1), standing(B, 2, 'provisional')], [{ nominationId: C, nominee, reasons: ['x'] }]);

    const sut = readRankingMessage(value, EventTypes.RankingChanged);

    expect(sut).toEqual({
      type: EventTypes.RankingChanged,
      bytes: value.length,
      entries: 3,
      ranked: [A, C],
      announcedAt: Date.parse('2025-03-01T08:00:00.000Z'),
    });
  });

  it('should read the type from the value when the message has no ce_type header', () => {
    const sut = readRankingMessage(updated([standing(A, 1)]));

    expect(sut).toMatchObject({ type: EventTypes.RankingUpdated, entries: 1, ranked: [A] });
  });

  it('should count the entries of a whole board its ce_type header names, without showing any ranked', () => {
    const value = updated([standing(A, 1), standing(B, 2)], [{ nominationId: C, nominee, reasons: ['x'] }]);

    const sut = readRankingMessage(value, EventTypes.RankingUpdated);

    expect(sut).toEqual({ type: EventTypes.RankingUpdated, bytes: value.length, entries: 3, ranked: [] });
  });

  it('should not parse a message whose ce_type header names another event', () => {
    const sut = readRankingMessage(Buffer.from('not json'), EventTypes.RankingPublished);

    expect(sut).toEqual({ type: EventTypes.RankingPublished, bytes: 8, entries: 0, ranked: [] });
  });
});

describe('Probe', () => {
  /** The probe, and the nominations it told ranked (id → when). */
  const probe = () => {
    const ranked = new Map<string, number>();
    const sut = new Probe([], { scored: () => undefined, ranked: (id, at) => ranked.set(id, at) });
    return Object.assign(sut, { told: ranked });
  };

  it('should count ranking.changed and ranking.updated apart when both pass', () => {
    const sut = probe();
    const change = changed([standing(A, 1), standing(B, 2)]);
    const whole = updated([standing(A, 1), standing(B, 2), standing(C, 3)]);

    sut.onRanking(change, EventTypes.RankingChanged);
    sut.onRanking(whole, EventTypes.RankingUpdated);
    sut.onRanking(Buffer.from('{}'), EventTypes.RankingPublished);

    expect(sut.changes).toEqual({ events: 1, standings: 2, megabytes: change.length / 2 ** 20 });
    expect(sut.updates).toEqual({ events: 1, standings: 3, megabytes: whole.length / 2 ** 20 });
  });

  it('should rank a nomination at the first ranking.changed that shows it final', () => {
    const sut = probe();
    sut.submitted([A, B], 1_000, true);

    sut.onRanking(changed([standing(A, 1), standing(B, 2, 'provisional')]), EventTypes.RankingChanged, 1_100);
    sut.onRanking(changed([standing(B, 2)], [], 2), EventTypes.RankingChanged, 1_250);
    sut.onRanking(updated([standing(A, 1), standing(B, 2)]), EventTypes.RankingUpdated, 1_300);

    expect(sut.takeLatencySamples().ranked).toEqual([100, 250]);
    expect(Object.fromEntries(sut.told)).toEqual({ [A]: 1_100, [B]: 1_250 });
  });

  it('should rank a nomination shown among the ineligible', () => {
    const sut = probe();
    sut.submitted([C], 1_000, true);

    sut.onRanking(changed([], [{ nominationId: C, nominee, reasons: ['x'] }]), EventTypes.RankingChanged, 1_040);

    expect(sut.told.get(C)).toBe(1_040);
    expect(sut.takeLatencySamples().ranked).toEqual([40]);
  });

  it('should measure a nomination ranked before its submission was answered from when it was sent', () => {
    const sut = probe();

    sut.onRanking(changed([standing(A, 1)]), EventTypes.RankingChanged, 1_500);
    sut.submitted([A], 1_000, true);

    expect(sut.takeLatencySamples().ranked).toEqual([500]);
  });
});
