import { offerAtRate } from './load';

describe('offerAtRate', () => {
  it('should send batches of rate × tick, one per tick, without waiting for the earlier sends', async () => {
    const sends: Array<{ at: number; size: number }> = [];
    let answered = 0;
    const start = Date.now();

    await offerAtRate(
      Array.from({ length: 50 }, (_, i) => i),
      200,
      async (batch) => {
        sends.push({ at: Date.now(), size: batch.length });
        await new Promise((resolve) => setTimeout(resolve, 120));
        answered++;
      },
      50,
    );

    expect(sends.map((s) => s.size)).toEqual([10, 10, 10, 10, 10]);
    // Each send goes out on its tick (never before it, counted from the call), although the one before is still
    // unanswered (120 ms > 50 ms).
    expect(sends.map((s, tick) => s.at - start >= tick * 50)).toEqual([true, true, true, true, true]);
    expect(sends[4].at - sends[0].at).toBeLessThan(4 * 120);
    expect(answered).toBe(5);
  });
});
