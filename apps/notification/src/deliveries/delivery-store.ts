import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Tx } from '@paritrana/platform';
import { DataSource } from 'typeorm';
import type { WinnerEmail } from '../emails/winner-email';

/** The email as stored: the certificate's facts travel with it, the PDF is rendered when it is sent. */
export type DeliveryEmail = WinnerEmail;

export interface DeliveryKey {
  boardId: string;
  nominationId: string;
}

export interface PlannedDelivery extends DeliveryKey {
  recipient: string;
  messageId: string;
  email: DeliveryEmail;
  title: string;
}

/** A delivery claimed for sending: `attempts` counts this attempt. */
export interface DueDelivery extends PlannedDelivery {
  attempts: number;
}

export const DELIVERY_STATUSES = ['pending', 'sent', 'failed'] as const;

export interface DeliveryLogEntry extends DeliveryKey {
  recipient: string;
  messageId: string;
  title: string;
  status: (typeof DELIVERY_STATUSES)[number];
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}

/** Where a delivery of an edition stands, for counting. */
export type DeliveryState = DeliveryKey & Pick<DeliveryLogEntry, 'status'>;

/**
 * One delivery per (board, nomination): planned when the board is published, claimed with a lease
 * before sending, recorded as sent or failed after.
 */
export abstract class DeliveryStore {
  /** Records the deliveries not planned yet; returns those it recorded. */
  abstract plan(tx: Tx, deliveries: PlannedDelivery[]): Promise<DeliveryKey[]>;

  /**
   * Claims up to `limit` pending deliveries that are due, counting an attempt and leasing each for
   * `leaseSeconds`: a sender that dies leaves it to be claimed again after the lease. Commits at once.
   */
  abstract claimDue(limit: number, leaseSeconds: number): Promise<DueDelivery[]>;

  /** Records the server's acceptance unless another attempt's already is; false then (nothing to announce again). */
  abstract markSent(tx: Tx, key: DeliveryKey, sentAt: string): Promise<boolean>;

  /** Records a permanent failure only for the newest claim of a delivery still pending; false when fenced off. */
  abstract markFailed(tx: Tx, claim: DueDelivery, error: string): Promise<boolean>;

  /** Leaves the delivery pending, due again after `delayMs`. Commits at once. */
  abstract retryLater(key: DeliveryKey, delayMs: number, error: string): Promise<void>;

  /** A board's delivery log, oldest first. */
  abstract byBoard(boardId: string): Promise<DeliveryLogEntry[]>;

  /** Every delivery of the edition's boards (one per winner, so a few thousand at most). */
  abstract ofEdition(tx: Tx, edition: string): Promise<DeliveryState[]>;
}

interface DueRow {
  board_id: string;
  nomination_id: string;
  recipient: string;
  message_id: string;
  email: DeliveryEmail;
  title: string;
  attempts: number;
}

@Injectable()
export class PgDeliveryStore extends DeliveryStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  override async plan(tx: Tx, deliveries: PlannedDelivery[]): Promise<DeliveryKey[]> {
    const planned: DeliveryKey[] = [];
    for (const d of deliveries) {
      const rows: unknown[] = await tx.query(
        `INSERT INTO notification.deliveries (board_id, nomination_id, recipient, message_id, email, title)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (board_id, nomination_id) DO NOTHING RETURNING nomination_id`,
        [d.boardId, d.nominationId, d.recipient, d.messageId, d.email, d.title],
      );
      if (rows.length > 0) planned.push({ boardId: d.boardId, nominationId: d.nominationId });
    }
    return planned;
  }

  override async claimDue(limit: number, leaseSeconds: number): Promise<DueDelivery[]> {
    const result: [DueRow[], number] | DueRow[] = await this.dataSource.query(
      `UPDATE notification.deliveries d SET attempts = d.attempts + 1, next_attempt_at = now() + make_interval(secs => $1::double precision)
       FROM (SELECT board_id, nomination_id FROM notification.deliveries
             WHERE status = 'pending' AND next_attempt_at <= now() ORDER BY next_attempt_at LIMIT $2 FOR UPDATE SKIP LOCKED) due
       WHERE d.board_id = due.board_id AND d.nomination_id = due.nomination_id
       RETURNING d.board_id, d.nomination_id, d.recipient, d.message_id, d.email, d.title, d.attempts`,
      [leaseSeconds, limit],
    );
    // TypeORM answers an UPDATE … RETURNING on Postgres with [rows, count].
    const rows = (Array.isArray(result[0]) ? result[0] : result) as DueRow[];
    return rows.map((r) => ({
      boardId: r.board_id,
      nominationId: r.nomination_id,
      recipient: r.recipient,
      messageId: r.message_id,
      email: r.email,
      title: r.title,
      attempts: r.attempts,
    }));
  }

  override async markSent(tx: Tx, key: DeliveryKey, sentAt: string): Promise<boolean> {
    const [, count] = (await tx.query(
      `UPDATE notification.deliveries SET status = 'sent', sent_at = $3, last_error = NULL
       WHERE board_id = $1 AND nomination_id = $2 AND status <> 'sent'`,
      [key.boardId, key.nominationId, sentAt],
    )) as [unknown, number];
    return count > 0;
  }

  override async markFailed(tx: Tx, claim: DueDelivery, error: string): Promise<boolean> {
    const [, count] = (await tx.query(
      `UPDATE notification.deliveries SET status = 'failed', last_error = $3
       WHERE board_id = $1 AND nomination_id = $2 AND status = 'pending' AND attempts = $4`,
      [claim.boardId, claim.nominationId, error, claim.attempts],
    )) as [unknown, number];
    return count > 0;
  }

  override async retryLater(claim: DueDelivery, delayMs: number, error: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE notification.deliveries SET next_attempt_at = now() + ($3 || ' milliseconds')::interval, last_error = $4
       WHERE board_id = $1 AND nomination_id = $2 AND status = 'pending' AND attempts = $5`,
      [claim.boardId, claim.nominationId, String(Math.round(delayMs)), error, claim.attempts],
    );
  }

  override async byBoard(boardId: string): Promise<DeliveryLogEntry[]> {
    return this.dataSource.query(
      `SELECT board_id AS "boardId", nomination_id AS "nominationId", recipient, message_id AS "messageId", title, status, attempts,
              last_error AS "lastError", created_at AS "createdAt", sent_at AS "sentAt"
       FROM notification.deliveries WHERE board_id = $1 ORDER BY created_at, nomination_id`,
      [boardId],
    );
  }

  override ofEdition(tx: Tx, edition: string): Promise<DeliveryState[]> {
    return tx.query(
      `SELECT board_id AS "boardId", nomination_id AS "nominationId", status FROM notification.deliveries
       WHERE split_part(board_id, ':', 1) = $1 ORDER BY board_id, nomination_id`,
      [edition],
    );
  }
}
