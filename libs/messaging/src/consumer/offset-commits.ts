import type { EachBatchPayload } from 'kafkajs';

/** What commits a consumer's resolved offsets: kafkajs' own, given to each batch. */
export type Committer = Pick<EachBatchPayload, 'uncommittedOffsets' | 'commitOffsetsIfNecessary'>;

/**
 * Commits a consumer's resolved offsets at most once per interval, in one request for all its partitions: at once when
 * the last commit is older, else when it comes of age. Offsets resolved meanwhile go with that commit, so a steady
 * stream of small batches costs the broker one commit a second instead of one per batch. A crash redelivers what was
 * resolved since the last commit, which the processed-event records then skip.
 */
export class OffsetCommits {
  private latest?: Committer;
  private timer?: NodeJS.Timeout;
  private lastAt = Number.NEGATIVE_INFINITY;
  private committing: Promise<void> = Promise.resolve();

  constructor(
    private readonly intervalMs: number,
    private readonly onError: (error: Error) => void,
    private readonly now: () => number = Date.now,
  ) {}

  /** Offsets were resolved: they are committed with the next commit, which is scheduled if none is. */
  resolved(committer: Committer): void {
    this.latest = committer;
    if (this.timer) return;
    // Even when due, not before the end of this turn: the partitions handed over with this one resolve theirs in it.
    this.timer = setTimeout(() => void this.flush(), Math.max(0, this.lastAt + this.intervalMs - this.now()));
  }

  /** Commits whatever is resolved and not committed yet, after any commit under way; failures are reported, not thrown. */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const committer = this.latest;
    if (!committer) return this.committing;
    this.committing = this.committing.then(async () => {
      this.lastAt = this.now();
      const offsets = committer.uncommittedOffsets();
      if (offsets.topics.length === 0) return;
      await committer.commitOffsetsIfNecessary(offsets).catch((error: Error) => this.onError(error));
    });
    return this.committing;
  }

  /** No more commits are scheduled (a commit under way still ends). */
  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.latest = undefined;
  }
}
