import type { Tx } from '@paritrana/platform';
import { IdempotencyKeyStore, type IdempotentAnswer } from './idempotency-key.store';

/** The idempotency-key store for unit tests. */
export class InMemoryIdempotencyKeyStore extends IdempotencyKeyStore {
  readonly answers = new Map<string, IdempotentAnswer>();

  override async find<T>(principal: string, key: string): Promise<IdempotentAnswer<T> | undefined> {
    const answer = this.answers.get(`${principal}\n${key}`);
    return answer && (structuredClone(answer) as IdempotentAnswer<T>);
  }

  override async claim(_tx: Tx, principal: string, key: string, answer: IdempotentAnswer): Promise<boolean> {
    if (this.answers.has(`${principal}\n${key}`)) return false;
    this.answers.set(`${principal}\n${key}`, structuredClone(answer));
    return true;
  }
}
