import { createMessagingTables, dropMessagingTables } from '@paritrana/messaging';
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateNotificationTables1763712300000 implements MigrationInterface {
  name = 'CreateNotificationTables1763712300000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE notification.editions (
      code text PRIMARY KEY,
      definition jsonb NOT NULL
    )`);
    await runner.query(`CREATE TABLE notification.contacts (
      nomination_id uuid PRIMARY KEY,
      province char(2) NOT NULL,
      nominee jsonb NOT NULL,
      contact jsonb NOT NULL
    )`);
    await runner.query(`CREATE TABLE notification.deliveries (
      board_id text NOT NULL,
      nomination_id uuid NOT NULL,
      recipient text NOT NULL,
      message_id text NOT NULL UNIQUE,
      email jsonb NOT NULL,
      title text NOT NULL,
      status text NOT NULL DEFAULT 'pending',
      attempts integer NOT NULL DEFAULT 0,
      next_attempt_at timestamptz NOT NULL DEFAULT now(),
      last_error text,
      created_at timestamptz NOT NULL DEFAULT now(),
      sent_at timestamptz,
      PRIMARY KEY (board_id, nomination_id)
    )`);
    await runner.query(`CREATE INDEX deliveries_due ON notification.deliveries (next_attempt_at) WHERE status = 'pending'`);
    await createMessagingTables(runner, 'notification');
  }

  async down(runner: QueryRunner): Promise<void> {
    await dropMessagingTables(runner, 'notification');
    await runner.query('DROP TABLE notification.deliveries');
    await runner.query('DROP TABLE notification.contacts');
    await runner.query('DROP TABLE notification.editions');
  }
}
