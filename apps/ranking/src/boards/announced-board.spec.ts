import { diffBoard, type BoardDiff } from '@paritrana/contracts';
import { AnnouncedBoard, AnnouncedBoards, type BoardReader, type Rubric } from './announced-board';
import { rankEntries, type Entry } from './standings';
import { boardEntry, nominationId, seededRandom } from '../testing/ranking.fixtures';

const RUBRIC: Rubric = { tieBreak: ['coverage'], winners: 3 };

/** What announcing the whole board ranked afresh would announce after `announced`. */
function wholeDiff(entries: Map<string, Entry>, announced: Map<string, string>): BoardDiff | undefined {
  return diffBoard(announced, rankEntries([...entries.values()], RUBRIC.tieBreak, RUBRIC.winners));
}

/** Reads the board's nominations as the announcer does, from the entries and fingerprints given. */
const reader = (entries: Map<string, Entry>, announced: Map<string, string>): BoardReader => ({
  entries: async (ids) => [...new Set(ids)].filter((id) => entries.has(id)).map((id) => structuredClone(entries.get(id)!)),
  announced: async (ids) => new Map(ids.filter((id) => announced.has(id)).map((id) => [id, announced.get(id)!])),
});

const remember = (announced: Map<string, string>, diff: BoardDiff | undefined) => {
  for (const [nomination, fingerprint] of diff?.keep ?? []) announced.set(nomination, fingerprint);
  for (const nomination of diff?.forget ?? []) announced.delete(nomination);
};

describe('AnnouncedBoard', () => {
  it('should announce what ranking the whole board afresh announces, after every step of random histories', async () => {
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
      const next = seededRandom(seed);
      const entries = new Map<string, Entry>();
      const announced = new Map<string, string>();
      const { board, diff } = AnnouncedBoard.rank(0, RUBRIC, [], new Map());
      expect(diff).toBeUndefined();
      for (let step = 0; step < 60; step++) {
        // A burst of submissions, scores (ties on total and tie-break included), ineligibility and withdrawals.
        const changed: string[] = [];
        const burst = next() < 0.1 ? 40 : 1 + Math.floor(next() * 4);
        for (let i = 0; i < burst; i++) {
          const n = 1 + Math.floor(next() * 50);
          const roll = next();
          if (roll < 0.1) entries.delete(nominationId(n));
          else if (roll < 0.2)
            entries.set(nominationId(n), boardEntry(n, { status: 'ineligible', reasons: [`alasan ${Math.floor(next() * 2)}`] }));
          else
            entries.set(
              nominationId(n),
              boardEntry(n, {
                total: Math.floor(next() * 5) * 10,
                status: next() < 0.8 ? 'final' : 'provisional',
                subScores: { coverage: Math.floor(next() * 3) },
                submittedAt: `2025-03-0${1 + Math.floor(next() * 3)}T08:00:00.000Z`,
              }),
            );
          changed.push(nominationId(n));
        }
        const expected = wholeDiff(entries, announced);

        const actual = await board.change(changed, reader(entries, announced));

        expect({ seed, step, diff: actual }).toEqual({ seed, step, diff: expected });
        // The whole board as held equals the board ranked afresh.
        const all = [...entries.values()];
        expect({ seed, step, lists: board.wholeLists(all) }).toEqual({
          seed,
          step,
          lists: rankEntries(all, RUBRIC.tieBreak, RUBRIC.winners),
        });
        remember(announced, expected);
      }
    }
  });

  it('should give no whole lists when the entries are not those held: one came, left or became ineligible since', () => {
    const entries = [1, 2, 3].map((n) => boardEntry(n, { total: 100 - n, status: 'final' }));
    const { board } = AnnouncedBoard.rank(0, RUBRIC, entries, new Map());

    expect(board.wholeLists(entries)?.standings.map((s) => s.nominationId)).toEqual([nominationId(1), nominationId(2), nominationId(3)]);
    expect(board.wholeLists([...entries, boardEntry(4)])).toBeUndefined();
    expect(board.wholeLists(entries.slice(1))).toBeUndefined();
    expect(board.wholeLists([...entries.slice(1), boardEntry(1, { status: 'ineligible' })])).toBeUndefined();
  });

  it('should announce a title that moves to a nomination whose rank changed only because another entered above it', async () => {
    const entries = new Map([1, 2, 3, 4].map((n) => [nominationId(n), boardEntry(n, { total: 100 - n, status: 'final' })]));
    const { board, diff: first } = AnnouncedBoard.rank(0, RUBRIC, [...entries.values()], new Map());
    const announced = new Map(first!.keep);
    entries.set(nominationId(5), boardEntry(5, { total: 100, status: 'final' }));

    const diff = (await board.change([nominationId(5)], reader(entries, announced)))!;

    // 5 enters first; 1 and 2 take the next titles; 3 loses its title; 4's rank alone moved.
    expect(diff.standings.map((s) => [s.rank, s.nominationId, s.title])).toEqual([
      [1, nominationId(5), 'Terbaik I'],
      [2, nominationId(1), 'Terbaik II'],
      [3, nominationId(2), 'Terbaik III'],
      [4, nominationId(3), undefined],
    ]);
    expect(diff.counts).toEqual({ standings: 5, ineligible: 0 });
  });

  it('should give up the change when a titled entry it must show is gone without its change taken yet', async () => {
    const entries = new Map([1, 2, 3, 4].map((n) => [nominationId(n), boardEntry(n, { total: 100 - n, status: 'final' })]));
    const { board, diff: first } = AnnouncedBoard.rank(0, RUBRIC, [...entries.values()], new Map());
    entries.set(nominationId(5), boardEntry(5, { total: 100, status: 'final' }));
    entries.delete(nominationId(3));

    const sut = await board.change([nominationId(5)], reader(entries, new Map(first!.keep)));

    expect(sut).toBeNull();
  });

  it('should go on from its copy only at the version it announced last and under the same rubric', () => {
    const { board } = AnnouncedBoard.rank(4, RUBRIC, [boardEntry(1)], new Map());

    expect(board.fits(4, { tieBreak: ['coverage'], winners: 3 })).toBe(true);
    expect(board.fits(5, RUBRIC)).toBe(false);
    expect(board.fits(4, { tieBreak: ['coverage'], winners: 1 })).toBe(false);
    expect(board.fits(4, { tieBreak: [], winners: 3 })).toBe(false);
  });
});

describe('AnnouncedBoards', () => {
  const boardOf = (size: number) =>
    AnnouncedBoard.rank(
      1,
      RUBRIC,
      Array.from({ length: size }, (_, i) => boardEntry(i + 1)),
      new Map(),
    ).board;
  const IDLE_MS = 1_000;

  it('should make room by dropping the boards idle longest, first the one used longest ago', () => {
    const sut = new AnnouncedBoards(10, IDLE_MS);
    sut.put('a', boardOf(4), 0);
    sut.put('b', boardOf(4), 10);
    sut.put('a', sut.take('a')!, 20);

    sut.put('c', boardOf(4), 20 + IDLE_MS);

    expect(['a', 'b', 'c'].map((board) => sut.has(board))).toEqual([true, false, true]);
  });

  it('should not hold a board that fits only if a board announced within the idle time is dropped', () => {
    const sut = new AnnouncedBoards(10, IDLE_MS);
    sut.put('a', boardOf(4), 0);
    sut.put('b', boardOf(4), 500);

    sut.put('c', boardOf(4), IDLE_MS - 1);

    expect(['a', 'b', 'c'].map((board) => sut.has(board))).toEqual([true, true, false]);
  });

  it('should not hold a board larger than the capacity', () => {
    const sut = new AnnouncedBoards(10, IDLE_MS);
    sut.put('a', boardOf(4), 0);

    sut.put('large', boardOf(11), 0);

    expect([sut.has('a'), sut.has('large')]).toEqual([true, false]);
  });
});
