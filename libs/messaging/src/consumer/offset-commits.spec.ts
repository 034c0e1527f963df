import type { Committer } from './offset-commits';
import { OffsetCommits } from './offset-commits';

/** kafkajs' offsets of one consumer as far as committing goes: resolved, and committed by request. */
class Offsets {
  readonly requests: string[][] = [];
  private readonly uncommitted = new Map<number, string>();
  failNext = false;

  resolve(partition: number, offset: number): Committer {
    this.uncommitted.set(partition, String(offset + 1));
    return {
      uncommittedOffsets: () => ({
        topics:
          this.uncommitted.size === 0
            ? []
            : [{ topic: 't', partitions: [...this.uncommitted].map(([p, offset]) => ({ partition: p, offset })) }],
      }),
      commitOffsetsIfNecessary: async (offsets) => {
        if (this.failNext) {
          this.failNext = false;
          throw new Error('The group is rebalancing');
        }
        this.requests.push(offsets!.topics.flatMap((t) => t.partitions.map((p) => `${p.partition}@${p.offset}`)).sort());
        this.uncommitted.clear();
      },
    };
  }
}

describe('OffsetCommits', () => {
  let offsets: Offsets;
  let errors: string[];
  let sut: OffsetCommits;

  beforeEach(() => {
    jest.useFakeTimers();
    offsets = new Offsets();
    errors = [];
    sut = new OffsetCommits(1_000, (error) => errors.push(error.message));
  });

  afterEach(() => {
    sut.stop();
    jest.useRealTimers();
  });

  it('should commit at the end of the turn what the partitions resolved in it, in one request', async () => {
    sut.resolved(offsets.resolve(0, 10));
    sut.resolved(offsets.resolve(1, 40));
    expect(offsets.requests).toEqual([]);

    await jest.advanceTimersByTimeAsync(0);

    expect(offsets.requests).toEqual([['0@11', '1@41']]);
  });

  it('should commit what is resolved within the interval once, when the interval has passed', async () => {
    sut.resolved(offsets.resolve(0, 10));
    await jest.advanceTimersByTimeAsync(0);
    for (let offset = 11; offset < 20; offset++) {
      sut.resolved(offsets.resolve(offset % 2, offset));
      await jest.advanceTimersByTimeAsync(100);
    }
    expect(offsets.requests).toEqual([['0@11']]);

    await jest.advanceTimersByTimeAsync(100);

    expect(offsets.requests).toEqual([['0@11'], ['0@19', '1@20']]);
  });

  it('should commit at once when asked to flush, and report a failed commit to try again with the next one', async () => {
    offsets.failNext = true;
    sut.resolved(offsets.resolve(0, 10));
    await jest.advanceTimersByTimeAsync(0);
    expect(errors).toEqual(['The group is rebalancing']);
    expect(offsets.requests).toEqual([]);

    sut.resolved(offsets.resolve(1, 5));
    await sut.flush();

    expect(offsets.requests).toEqual([['0@11', '1@6']]);
  });
});
