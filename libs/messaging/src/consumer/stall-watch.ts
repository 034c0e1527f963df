/**
 * Notices a consumer that has gone quiet. A healthy kafkajs consumer shows signs of life all the
 * time: a fetch every `maxWaitTimeInMs` even when idle, heartbeats, joins, crashes it recovers
 * from, messages handled. After a broker restart under load, one was seen to fall silent while
 * rejoining its group — no fetch, no error, no crash — and its partitions then waited for good.
 */
export class StallWatch {
  private lastSign: number;

  constructor(
    private readonly stallMs: number,
    private readonly now: () => number = Date.now,
  ) {
    this.lastSign = now();
  }

  sign(): void {
    this.lastSign = this.now();
  }

  /** How long the consumer has been silent, once that is longer than allowed; undefined while it lives. */
  silentFor(): number | undefined {
    const silent = this.now() - this.lastSign;
    return silent > this.stallMs ? silent : undefined;
  }
}
