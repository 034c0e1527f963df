import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Tx } from '@paritrana/platform';
import { DataSource } from 'typeorm';

/** The first answer to a request made with an Idempotency-Key, kept per principal and key. */
export interface IdempotentAnswer<T = unknown> {
  requestHash: string;
  status: number;
  body: T;
}

/** Every read and write of `intake.idempotency_keys`. */
export abstract class IdempotencyKeyStore {
  /** Reads inside `tx` when given, else on its own. */
  abstract find<T>(principal: string, key: string, tx?: Tx): Promise<IdempotentAnswer<T> | undefined>;
  /** False when the key was claimed already (by a concurrent request); nothing is written then. */
  abstract claim(tx: Tx, principal: string, key: string, answer: IdempotentAnswer): Promise<boolean>;
}

@Injectable()
export class PostgresIdempotencyKeyStore extends IdempotencyKeyStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  override async find<T>(principal: string, key: string, tx: Tx = this.dataSource.manager): Promise<IdempotentAnswer<T> | undefined> {
    const rows: { request_hash: string; status: number; body: T }[] = await tx.query(
      'SELECT request_hash, status, body FROM intake.idempotency_keys WHERE principal = $1 AND key = $2',
      [principal, key],
    );
    return rows[0] && { requestHash: rows[0].request_hash, status: rows[0].status, body: rows[0].body };
  }

  override async claim(tx: Tx, principal: string, key: string, answer: IdempotentAnswer): Promise<boolean> {
    const claimed: unknown[] = await tx.query(
      `INSERT INTO intake.idempotency_keys (principal, key, request_hash, status, body) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (principal, key) DO NOTHING RETURNING key`,
      [principal, key, answer.requestHash, answer.status, JSON.stringify(answer.body)],
    );
    return claimed.length > 0;
  }
}
