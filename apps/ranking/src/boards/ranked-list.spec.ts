import { RankedList } from './ranked-list';
import type { Entry } from './standings';
import { boardEntry, nominationId, seededRandom } from '../testing/ranking.fixtures';

const TIE_BREAK = ['coverage', 'growth'];

/** The list as it stands, place by place. */
const listed = (list: RankedList) =>
  Array.from({ length: list.length }, (_, index) => list.at(index)).map(({ nominationId, total, status }) => ({
    nominationId,
    total,
    status,
  }));

/** The entries in the contract's order, as `listed` shows them, sorted here on the entries themselves. */
const ranked = (entries: Iterable<Entry>) => {
  const key = (e: Entry) => [-e.total, ...TIE_BREAK.map((code) => -(e.subScores[code] ?? 0)), Date.parse(e.submittedAt)];
  const order = (a: Entry, b: Entry) => {
    const [x, y] = [key(a), key(b)];
    const differs = x.findIndex((value, i) => value !== y[i]);
    return differs >= 0 ? x[differs] - y[differs] : a.nominationId < b.nominationId ? -1 : 1;
  };
  return [...entries].sort(order).map(({ nominationId, total, status }) => ({ nominationId, total, status }));
};

describe('RankedList', () => {
  it('should hold the contract order after every step of random histories, changes one by one and many at once', () => {
    for (const seed of [1, 7, 42, 2026]) {
      const next = seededRandom(seed);
      // Few distinct values, so that ties go down to the tie-break, the submission time and the id.
      const randomEntry = (n: number) =>
        boardEntry(n, {
          total: Math.floor(next() * 4) * 12.5,
          status: next() < 0.5 ? 'provisional' : 'final',
          subScores: next() < 0.8 ? { coverage: Math.floor(next() * 3), growth: Math.floor(next() * 2) / 2 } : {},
          submittedAt: new Date(Date.UTC(2025, 2, 1 + Math.floor(next() * 3))).toISOString(),
        });
      const entries = new Map<string, Entry>();
      for (let n = 1; n <= 40; n++) entries.set(nominationId(n), randomEntry(n));
      const sut = new RankedList(TIE_BREAK, [...entries.values()]);

      for (let step = 0; step < 200; step++) {
        const changed = new Set<string>();
        const count = next() < 0.8 ? 1 + Math.floor(next() * 2) : 10 + Math.floor(next() * 30);
        for (let i = 0; i < count; i++) {
          const n = 1 + Math.floor(next() * 80);
          changed.add(nominationId(n));
          if (next() < 0.25) entries.delete(nominationId(n));
          else entries.set(nominationId(n), randomEntry(n));
        }
        sut.replace(
          changed,
          [...changed].filter((nomination) => entries.has(nomination)).map((nomination) => entries.get(nomination)!),
        );

        expect({ seed, step, list: listed(sut) }).toEqual({ seed, step, list: ranked(entries.values()) });
      }
    }
  });

  it('should tell where a nomination stands, and that one not held stands nowhere', () => {
    const sut = new RankedList(TIE_BREAK, [boardEntry(1, { total: 50 }), boardEntry(2, { total: 90 }), boardEntry(3, { total: 70 })]);

    expect(
      [nominationId(2), nominationId(3), nominationId(1), nominationId(4)].map((nomination) => [
        sut.indexOf(nomination),
        sut.has(nomination),
      ]),
    ).toEqual([
      [0, true],
      [1, true],
      [2, true],
      [-1, false],
    ]);
    expect(sut.firstIds(2)).toEqual([nominationId(2), nominationId(3)]);
    expect(sut.firstIds(5)).toEqual([nominationId(2), nominationId(3), nominationId(1)]);
  });

  it('should grow from empty and reuse the places of entries that left', () => {
    const sut = new RankedList(TIE_BREAK);
    for (let n = 1; n <= 100; n++) sut.replace(new Set([nominationId(n)]), [boardEntry(n, { total: n })]);
    sut.replace(new Set(Array.from({ length: 50 }, (_, i) => nominationId(i + 1))), []);
    for (let n = 101; n <= 150; n++) sut.replace(new Set([nominationId(n)]), [boardEntry(n, { total: n })]);

    expect(sut.length).toBe(100);
    expect(sut.firstIds(100)).toEqual(Array.from({ length: 100 }, (_, i) => nominationId(150 - i)));
    expect(sut.has(nominationId(1))).toBe(false);
  });
});
