import {
  applyBoardChange,
  boardCopyFrom,
  BoardCopies,
  BoardVersionGapError,
  diffBoard,
  type BoardCopy,
  type BoardLists,
} from './board-changes';
import { titleForRank } from './boards';
import type { IneligibleEntry, RankingChanged, Standing } from './events/ranking.events';

const BOARD = '2024:provincial:15:village';
const idOf = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** A small deterministic generator, so a failure names the seed that made it. */
function random(seed: number) {
  let state = seed;
  return () => (state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
}

interface Nomination {
  id: string;
  name: string;
  total: number;
  status: 'provisional' | 'final' | 'ineligible';
}

/** The board of these nominations as ranking ranks it: total descending, then id; three winners. */
function boardOf(nominations: Nomination[]): BoardLists {
  const eligible = nominations.filter((n) => n.status !== 'ineligible').sort((a, b) => b.total - a.total || (a.id < b.id ? -1 : 1));
  const standings = eligible.map((n, i): Standing => {
    const title = titleForRank(i + 1, 3);
    const status = n.status === 'final' ? 'final' : 'provisional';
    return {
      rank: i + 1,
      ...(title ? { title } : {}),
      nominationId: n.id,
      nominee: { kind: 'village', name: n.name, regionCode: '15' },
      total: n.total,
      status,
    };
  });
  const ineligible = nominations
    .filter((n) => n.status === 'ineligible')
    .sort((a, b) => (a.id < b.id ? -1 : 1))
    .map((n): IneligibleEntry => ({
      nominationId: n.id,
      nominee: { kind: 'village', name: n.name, regionCode: '15' },
      reasons: ['no coverage'],
    }));
  return { standings, ineligible };
}

function changeOf(version: number, diff: NonNullable<ReturnType<typeof diffBoard>>): RankingChanged {
  const { standings, left, ineligible, ineligibleLeft, counts } = diff;
  return {
    boardId: BOARD,
    edition: '2024',
    tier: 'provincial',
    scope: '15',
    category: 'village',
    version,
    standings,
    left,
    ineligible,
    ineligibleLeft,
    counts,
    changedAt: new Date(0).toISOString(),
  };
}

describe('board changes', () => {
  it.each([1, 2, 3, 4])('should rebuild every version of a board from its changes alone (seed %i)', (seed) => {
    const next = random(seed);
    const nominations: Nomination[] = [];
    const announced = new Map<string, string>();
    let copy: BoardCopy | undefined;
    let version = 0;
    let carried = 0;
    let submitted = 0;
    for (let step = 0; step < 200; step++) {
      // Submissions, scores, rescorings, withdrawals and findings of ineligibility, a few at a time.
      for (let k = Math.floor(next() * 4); k >= 0; k--) {
        const roll = next();
        const pick = nominations[Math.floor(next() * nominations.length)];
        if (roll < 0.4 || !pick) nominations.push({ id: idOf(++submitted), name: `Desa ${submitted}`, total: 0, status: 'provisional' });
        else if (roll < 0.8) Object.assign(pick, { total: Math.round(next() * 1000) / 10, status: 'final' });
        else if (roll < 0.9) Object.assign(pick, { status: pick.status === 'ineligible' ? 'final' : 'ineligible' });
        else nominations.splice(nominations.indexOf(pick), 1);
      }
      const board = boardOf(nominations);
      const diff = diffBoard(announced, board);
      if (!diff) continue;
      for (const [id, fingerprint] of diff.keep) announced.set(id, fingerprint);
      for (const id of diff.forget) announced.delete(id);
      copy = applyBoardChange(copy, changeOf(++version, diff));
      carried += diff.standings.length + diff.ineligible.length;

      expect({ standings: copy.standings, ineligible: copy.ineligible }).toEqual(board);
    }
    expect(version).toBeGreaterThan(60);
    // Only what changed travels: far fewer entries than whole boards every time.
    expect(carried).toBeLessThan(version * (copy!.standings.length + copy!.ineligible.length) * 0.25);
  });

  it('should announce nothing when only ranks moved below the winners', () => {
    const before = boardOf([1, 2, 3, 4, 5].map((n) => ({ id: idOf(n), name: `Desa ${n}`, total: 100 - n, status: 'final' as const })));
    const announced = new Map(diffBoard(new Map(), before)!.keep);

    expect(diffBoard(announced, before)).toBeUndefined();
  });

  it('should carry a title that moves with the standing that gains or loses it', () => {
    const nominations = [1, 2, 3, 4].map((n) => ({ id: idOf(n), name: `Desa ${n}`, total: 100 - n, status: 'final' as const }));
    const announced = new Map(diffBoard(new Map(), boardOf(nominations))!.keep);
    nominations.push({ id: idOf(9), name: 'Desa 9', total: 200, status: 'final' });

    const diff = diffBoard(announced, boardOf(nominations))!;

    // The newcomer is first; the first three move down a place, the third loses its title: four standings, not five.
    expect(diff.standings.map((s) => [s.nominationId, s.rank, s.title])).toEqual([
      [idOf(9), 1, 'Terbaik I'],
      [idOf(1), 2, 'Terbaik II'],
      [idOf(2), 3, 'Terbaik III'],
      [idOf(3), 4, undefined],
    ]);
  });

  it('should refuse a change that does not follow the copy, so the copy is taken again from a whole board', () => {
    const board = boardOf([{ id: idOf(1), name: 'Desa 1', total: 10, status: 'final' }]);
    const first = changeOf(1, diffBoard(new Map(), board)!);
    const copy = applyBoardChange(undefined, first);

    expect(() => applyBoardChange(copy, { ...first, version: 3 })).toThrow(BoardVersionGapError);
    expect(() => applyBoardChange(undefined, { ...first, version: 2 })).toThrow('version 2 cannot follow version 0');
    expect(() => applyBoardChange(copy, { ...first, version: 2, counts: { standings: 2, ineligible: 0 } })).toThrow(
      'does not fit the copy',
    );
    expect(boardCopyFrom({ ...first, standings: copy.standings, ineligible: [], updatedAt: first.changedAt })).toEqual(copy);
    expect(boardCopyFrom({ ...first, version: undefined, updatedAt: first.changedAt })).toBeUndefined();
  });
});

describe('BoardCopies', () => {
  const board = (n: number) =>
    boardOf(
      Array.from({ length: n }, (_, i) => ({ id: idOf(i + 1), name: `Desa ${i + 1}`, total: 10 * (i + 1), status: 'final' as const })),
    );
  const changes = (...boards: BoardLists[]) => {
    const announced = new Map<string, string>();
    return boards.map((b, i) => {
      const diff = diffBoard(announced, b)!;
      for (const [id, fingerprint] of diff.keep) announced.set(id, fingerprint);
      for (const id of diff.forget) announced.delete(id);
      return { type: 'paritrana.ranking.changed.v1', data: changeOf(i + 1, diff) };
    });
  };
  const lists = (copy?: BoardCopy) => copy && { standings: copy.standings, ineligible: copy.ineligible };

  it('should ignore a redelivered change and keep following', () => {
    const [first, second, third] = changes(board(1), board(2), board(3));
    const copies = new BoardCopies();

    for (const event of [first, second, second, first, third]) copies.apply(event);

    expect(lists(copies.get(BOARD))).toEqual(board(3));
    expect(copies.gaps).toEqual([]);
  });

  it('should stop a board at a gap and take it up again from its next whole board', () => {
    const [first, , third, fourth] = changes(board(1), board(2), board(3), board(4));
    const copies = new BoardCopies();

    copies.apply(first);
    copies.apply(third);
    expect(copies.get(BOARD)).toBeUndefined();
    expect(copies.gaps).toEqual([`${BOARD}: version 3 cannot follow version 1`]);

    copies.apply({
      type: 'paritrana.ranking.updated.v1',
      data: { ...third.data, ...board(3), version: 3, updatedAt: third.data.changedAt },
    });
    copies.apply(fourth);
    expect(lists(copies.get(BOARD))).toEqual(board(4));
    expect(copies.get(BOARD)?.version).toBe(4);
  });

  it('should freeze a published board whatever comes after', () => {
    const [first, second] = changes(board(1), board(2));
    const copies = new BoardCopies();

    copies.apply(first);
    copies.apply({ type: 'paritrana.ranking.published.v1', data: { ...first.data, ...board(1) } });
    copies.apply(second);

    expect(copies.get(BOARD)).toMatchObject({ status: 'published', standings: board(1).standings });
  });
});
