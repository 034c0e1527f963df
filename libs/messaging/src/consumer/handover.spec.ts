import { groupUpTo, TurnGate } from './handover';

describe('TurnGate', () => {
  it('should serve the calls made in one turn with one piece of work, each getting its own answer', async () => {
    const served: number[][] = [];
    const gate = new TurnGate(async (items: number[]) => {
      served.push(items);
      return items.map((n) => n * 10);
    });

    const answers = await Promise.all([gate.submit(1), gate.submit(2), gate.submit(3)]);
    const later = await gate.submit(4);

    expect(answers).toEqual([10, 20, 30]);
    expect(later).toBe(40);
    expect(served).toEqual([[1, 2, 3], [4]]);
  });

  it('should fail every call of the turn when the work fails', async () => {
    const gate = new TurnGate<number, number>(async () => {
      throw new Error('database down');
    });

    const outcomes = await Promise.allSettled([gate.submit(1), gate.submit(2)]);

    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected']);
  });
});

describe('groupUpTo', () => {
  it('should group consecutive items up to the limit, never splitting one, and put a larger one alone', () => {
    expect(groupUpTo([3, 2, 4, 1, 9, 2], 5, (n) => n)).toEqual([[3, 2], [4, 1], [9], [2]]);
  });
});
