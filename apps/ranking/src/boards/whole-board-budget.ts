/**
 * The standings whole boards may carry, shared by every board a replica announces: `perSecond` accrue each second, up
 * to `burst`. Whole boards are for consumers that do not follow the changes; while many large
 * boards change at once (a national intake) they would otherwise carry most of the bytes the platform writes.
 */
export class WholeBoardBudget {
  private tokens: number;
  private at: number;

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    now = Date.now(),
  ) {
    this.tokens = burst;
    this.at = now;
  }

  /** Whether a whole board of `standings` may go out now; when it may, they are spent. A board larger than `burst` waits for a full budget. */
  take(standings: number, now = Date.now()): boolean {
    if (!this.allows(standings, now)) return false;
    this.tokens -= standings;
    return true;
  }

  /** Whether `take` would let it go now, spending nothing. */
  allows(standings: number, now = Date.now()): boolean {
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.at) / 1000) * this.perSecond);
    this.at = now;
    return this.tokens >= Math.min(standings, this.burst);
  }
}
