/**
 * Serves the calls made within one turn of the event loop with one piece of work. kafkajs hands the partitions of a
 * fetch to their workers at the same moment, so the transactions each of them asks for then can be one.
 */
export class TurnGate<T, R> {
  private waiting: Array<{ item: T; settle: (result: R) => void; fail: (error: unknown) => void }> = [];

  /** `work` answers each item, in the order given. */
  constructor(private readonly work: (items: T[]) => Promise<R[]>) {}

  submit(item: T): Promise<R> {
    return new Promise<R>((settle, fail) => {
      if (this.waiting.push({ item, settle, fail }) === 1) setImmediate(() => void this.serve());
    });
  }

  private async serve(): Promise<void> {
    const taken = this.waiting.splice(0);
    try {
      const results = await this.work(taken.map((w) => w.item));
      taken.forEach((w, i) => w.settle(results[i]));
    } catch (error) {
      for (const w of taken) w.fail(error);
    }
  }
}

/** The items in consecutive groups of at most `limit` by `sizeOf` (an item larger than the limit makes a group alone). */
export function groupUpTo<T>(items: T[], limit: number, sizeOf: (item: T) => number): T[][] {
  const groups: T[][] = [];
  let size = 0;
  for (const item of items) {
    const last = groups.at(-1);
    if (last && size + sizeOf(item) <= limit) {
      last.push(item);
      size += sizeOf(item);
    } else {
      groups.push([item]);
      size = sizeOf(item);
    }
  }
  return groups;
}
