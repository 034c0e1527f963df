import { SCORE_STATUSES, type ScoreStatus } from '@paritrana/contracts';
import type { Entry } from './standings';

/** What a standing shows of an entry held in a ranked list. */
export interface HeldStanding {
  nominationId: string;
  total: number;
  status: ScoreStatus;
}

/**
 * The eligible entries of a board in the contract's total order: total descending, then each tie-break criterion's
 * sub-score descending (0 when missing), then the earlier submission, then the nomination id; ranks 1, 2, 3… never
 * shared. Held compactly, for the boards the announcer keeps in memory too: each entry's sort key (total, the tie-break sub-scores, the submission time) in one
 * Float64Array, its status in a byte and its rank order as slot numbers in an Int32Array, about half the memory of an
 * object per entry. Slots of entries that left are reused.
 */
export class RankedList {
  /** Numbers per slot: the total, each tie-break sub-score, the submission time (ms). */
  private readonly width: number;
  private keys: Float64Array;
  private statuses: Uint8Array;
  private readonly ids: string[] = [];
  private readonly slots = new Map<string, number>();
  private readonly free: number[] = [];
  /** Slots in rank order; the first `count` are used. */
  private order: Int32Array;
  private count = 0;

  constructor(
    private readonly tieBreak: readonly string[],
    entries: readonly Entry[] = [],
  ) {
    this.width = tieBreak.length + 2;
    const capacity = Math.max(entries.length, 4);
    this.keys = new Float64Array(capacity * this.width);
    this.statuses = new Uint8Array(capacity);
    this.order = new Int32Array(capacity);
    this.addAll(entries);
  }

  get length(): number {
    return this.count;
  }

  has(nominationId: string): boolean {
    return this.slots.has(nominationId);
  }

  /** The entry's place in rank order (0 for the first), or -1 when it is not held. */
  indexOf(nominationId: string): number {
    const slot = this.slots.get(nominationId);
    return slot === undefined ? -1 : this.position(slot);
  }

  /** What the standing at this place shows. */
  at(index: number): HeldStanding {
    const slot = this.order[index];
    return { nominationId: this.ids[slot], total: this.keys[slot * this.width], status: SCORE_STATUSES[this.statuses[slot]] };
  }

  /** The nominations of the first `n` places. */
  firstIds(n: number): string[] {
    return Array.from(this.order.subarray(0, Math.min(n, this.count)), (slot) => this.ids[slot]);
  }

  /**
   * Takes these nominations off the list and puts on the `current` entries (eligible ones, each of a nomination among
   * them): one search and move each, or one filter and one sort when they are many.
   */
  replace(nominationIds: ReadonlySet<string>, current: readonly Entry[]): void {
    if (nominationIds.size * 16 <= this.count) {
      for (const id of nominationIds) this.remove(id);
      for (const entry of current) this.insert(this.store(entry));
      return;
    }
    let kept = 0;
    for (let i = 0; i < this.count; i++) {
      const slot = this.order[i];
      if (nominationIds.has(this.ids[slot])) this.release(slot);
      else this.order[kept++] = slot;
    }
    this.count = kept;
    this.addAll(current);
  }

  private addAll(entries: readonly Entry[]): void {
    for (const entry of entries) this.append(this.store(entry));
    this.order.subarray(0, this.count).sort((a, b) => this.compare(a, b));
  }

  private remove(nominationId: string): void {
    const slot = this.slots.get(nominationId);
    if (slot === undefined) return;
    const at = this.position(slot);
    this.order.copyWithin(at, at + 1, this.count);
    this.count--;
    this.release(slot);
  }

  private insert(slot: number): void {
    const at = this.position(slot);
    this.order.copyWithin(at + 1, at, this.count);
    this.order[at] = slot;
    this.count++;
  }

  private append(slot: number): void {
    this.order[this.count++] = slot;
  }

  /** Keeps the entry's key in a free slot and returns it. */
  private store(entry: Entry): number {
    const slot = this.free.pop() ?? this.ids.length;
    if (slot === this.ids.length) {
      this.ids.push(entry.nominationId);
      this.reserve(this.ids.length);
    } else this.ids[slot] = entry.nominationId;
    const base = slot * this.width;
    this.keys[base] = entry.total;
    this.tieBreak.forEach((code, i) => (this.keys[base + 1 + i] = entry.subScores[code] ?? 0));
    this.keys[base + this.width - 1] = Date.parse(entry.submittedAt);
    this.statuses[slot] = SCORE_STATUSES.indexOf(entry.status);
    this.slots.set(entry.nominationId, slot);
    return slot;
  }

  private release(slot: number): void {
    this.slots.delete(this.ids[slot]);
    this.ids[slot] = '';
    this.free.push(slot);
  }

  /** Room for `slots` slots, and as many places in the order, doubling. */
  private reserve(slots: number): void {
    if (slots <= this.statuses.length) return;
    const capacity = Math.max(slots, this.statuses.length * 2);
    this.keys = grown(this.keys, new Float64Array(capacity * this.width));
    this.statuses = grown(this.statuses, new Uint8Array(capacity));
    this.order = grown(this.order, new Int32Array(capacity));
  }

  /** The first place whose entry is not ranked above the slot's: where it stands, or would be put. */
  private position(slot: number): number {
    let [low, high] = [0, this.count];
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.compare(this.order[middle], slot) < 0) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** The contract's total order on two slots. */
  private compare(a: number, b: number): number {
    const { keys, width } = this;
    const [x, y] = [a * width, b * width];
    for (let i = 0; i < width - 1; i++) if (keys[x + i] !== keys[y + i]) return keys[y + i] - keys[x + i];
    if (keys[x + width - 1] !== keys[y + width - 1]) return keys[x + width - 1] - keys[y + width - 1];
    const [p, q] = [this.ids[a], this.ids[b]];
    return p < q ? -1 : p > q ? 1 : 0;
  }
}

function grown<T extends Float64Array | Uint8Array | Int32Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
