import { createMessagingTables, dropMessagingTables } from '@paritrana/messaging';
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateRankingTables1763712200000 implements MigrationInterface {
  name = 'CreateRankingTables1763712200000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE ranking.editions (
      code text PRIMARY KEY,
      definition jsonb NOT NULL
    )`);
    await runner.query(`CREATE TABLE ranking.boards (
      board_id text PRIMARY KEY,
      edition text NOT NULL,
      tier text NOT NULL,
      scope text NOT NULL,
      category text NOT NULL,
      status text NOT NULL DEFAULT 'open',
      published jsonb,
      published_at timestamptz,
      published_by text
    )`);
    await runner.query(`CREATE TABLE ranking.entries (
      nomination_id uuid PRIMARY KEY,
      board_id text NOT NULL REFERENCES ranking.boards(board_id),
      nominee jsonb,
      submitted_at timestamptz,
      total numeric(5, 2),
      status text,
      sub_scores jsonb,
      reasons jsonb NOT NULL DEFAULT '[]'
    )`);
    await runner.query('CREATE INDEX entries_by_board ON ranking.entries (board_id)');
    await createMessagingTables(runner, 'ranking');
  }

  async down(runner: QueryRunner): Promise<void> {
    await dropMessagingTables(runner, 'ranking');
    await runner.query('DROP TABLE ranking.entries');
    await runner.query('DROP TABLE ranking.boards');
    await runner.query('DROP TABLE ranking.editions');
  }
}
