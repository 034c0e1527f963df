import type { Tx } from '@paritrana/platform';
import {
  DeliveryStore,
  type DeliveryKey,
  type DeliveryLogEntry,
  type DeliveryState,
  type DueDelivery,
  type PlannedDelivery,
} from './delivery-store';

export interface Held extends DeliveryLogEntry {
  email: PlannedDelivery['email'];
  dueAt: number;
}

/** DeliveryStore for unit tests: unique per (board, nomination), leases and retries on the wall clock. */
export class InMemoryDeliveryStore extends DeliveryStore {
  readonly deliveries: Held[] = [];

  override async plan(_tx: Tx, deliveries: PlannedDelivery[]): Promise<DeliveryKey[]> {
    const planned: DeliveryKey[] = [];
    for (const d of deliveries) {
      if (this.find(d)) continue;
      this.deliveries.push({
        ...structuredClone(d),
        status: 'pending',
        attempts: 0,
        lastError: null,
        createdAt: new Date().toISOString(),
        sentAt: null,
        dueAt: Date.now(),
      });
      planned.push({ boardId: d.boardId, nominationId: d.nominationId });
    }
    return planned;
  }

  override async claimDue(limit: number, leaseSeconds: number): Promise<DueDelivery[]> {
    const due = this.deliveries
      .filter((d) => d.status === 'pending' && d.dueAt <= Date.now())
      .sort((a, b) => a.dueAt - b.dueAt)
      .slice(0, limit);
    return due.map((d) => {
      d.attempts++;
      d.dueAt = Date.now() + leaseSeconds * 1000;
      const { boardId, nominationId, recipient, messageId, email, title, attempts } = d;
      return structuredClone({ boardId, nominationId, recipient, messageId, email, title, attempts });
    });
  }

  override async markSent(_tx: Tx, key: DeliveryKey, sentAt: string): Promise<boolean> {
    const delivery = this.find(key)!;
    if (delivery.status === 'sent') return false;
    Object.assign(delivery, { status: 'sent', sentAt, lastError: null });
    return true;
  }

  override async markFailed(_tx: Tx, claim: DueDelivery, error: string): Promise<boolean> {
    const delivery = this.find(claim)!;
    if (delivery.status !== 'pending' || delivery.attempts !== claim.attempts) return false;
    Object.assign(delivery, { status: 'failed', lastError: error });
    return true;
  }

  override async retryLater(claim: DueDelivery, delayMs: number, error: string): Promise<void> {
    const delivery = this.find(claim)!;
    if (delivery.status !== 'pending' || delivery.attempts !== claim.attempts) return;
    Object.assign(delivery, { dueAt: Date.now() + delayMs, lastError: error });
  }

  override async byBoard(boardId: string): Promise<DeliveryLogEntry[]> {
    return this.deliveries.filter((d) => d.boardId === boardId).map(({ email: _e, dueAt: _d, ...entry }) => structuredClone(entry));
  }

  override async ofEdition(_tx: Tx, edition: string): Promise<DeliveryState[]> {
    return this.deliveries
      .filter((d) => d.boardId.startsWith(`${edition}:`))
      .map(({ boardId, nominationId, status }) => ({ boardId, nominationId, status }))
      .sort((a, b) => a.boardId.localeCompare(b.boardId) || a.nominationId.localeCompare(b.nominationId));
  }

  private find(key: DeliveryKey): Held | undefined {
    return this.deliveries.find((d) => d.boardId === key.boardId && d.nominationId === key.nominationId);
  }
}
