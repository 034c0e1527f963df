import { boardIdOf, type BoardKey, type RankingPublished } from '@paritrana/contracts';
import { createDatabase, dropDatabase } from '@paritrana/infra/postgres';
import { dataSourceOptions, initializeServiceDatabase, PgListener } from '@paritrana/platform';
import { randomUUID } from 'node:crypto';
import { DataSource, type QueryRunner } from 'typeorm';
import { PostgresBoardStore } from '../../apps/ranking/src/boards/postgres-board-store';
import { RANKING_MIGRATIONS } from '../../apps/ranking/src/migrations';
import { waitFor } from '@paritrana/testing/wait-for';

/** The order ranking's writers lock a board in, on a real PostgreSQL: no two of them can wait on each other. */
describe('board locks (real PostgreSQL)', () => {
  const lane = new URL(process.env.DATABASE_URL!);
  const adminUrl = Object.assign(new URL(lane), { pathname: '/postgres' }).toString();
  const name = `paritrana_board_locks_${process.pid}_${Date.now()}`;
  let listener: PgListener;
  let store: PostgresBoardStore;
  let dataSource: DataSource;

  beforeAll(async () => {
    const url = await createDatabase(adminUrl, name);
    listener = new PgListener(url);
    store = new PostgresBoardStore(listener);
    dataSource = new DataSource(dataSourceOptions({ url, schema: 'ranking', migrations: RANKING_MIGRATIONS, poolSize: 4 }));
    await initializeServiceDatabase(dataSource, 'ranking');
  });

  afterAll(async () => {
    await listener?.onApplicationShutdown();
    await dataSource?.destroy();
    await dropDatabase(adminUrl, name);
  });

  const inTransaction = async (): Promise<QueryRunner & { pid: number }> => {
    const runner = dataSource.createQueryRunner();
    await runner.connect();
    const [{ pid }] = (await runner.query('SELECT pg_backend_pid() AS pid')) as Array<{ pid: number }>;
    await runner.startTransaction();
    return Object.assign(runner, { pid });
  };

  it('should let a board be published while the announcer holds its noted changes, the publication waiting for the announcement', async () => {
    const key: BoardKey = { edition: '2024', tier: 'provincial', scope: '31', category: 'village' };
    const boardId = boardIdOf(key);
    await store.ensure(dataSource.manager, [{ ...key, boardId }]);
    await store.markChanged(dataSource.manager, [{ boardId, nominationId: randomUUID() }]);
    const announcer = await inTransaction();
    const publisher = await inTransaction();
    try {
      // The announcer claims the board and takes its notes, as it does before ranking the change.
      expect((await store.claim(announcer.manager, [boardId], 60_000)).map((b) => [b.boardId, b.noted.length])).toEqual([[boardId, 1]]);

      // Publishing meanwhile: it locks the board, drops its notes and freezes it.
      const published = (async () => {
        const board = await store.find(publisher.manager, boardId, { lock: true });
        await store.publish(publisher.manager, publication(boardId, key));
        await publisher.commitTransaction();
        return board;
      })();
      await waitFor('the publication to wait on a lock', async () => {
        const [{ waiting }] = (await dataSource.query(
          "SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE pid = $1 AND wait_event_type = 'Lock'",
          [publisher.pid],
        )) as Array<{ waiting: number }>;
        return waiting === 1 ? true : undefined;
      });

      // The announcer finishes: it marks the board announced (PostgreSQL would find a deadlock here within a second).
      await store.markAnnounced(announcer.manager, [{ boardId, size: 1, version: 1, wholeVersion: 0 }]);
      await announcer.commitTransaction();

      expect((await published)?.version).toBe(1);
      expect(await store.find(dataSource.manager, boardId)).toMatchObject({ status: 'published', version: 1, pending: false });
    } finally {
      await release(announcer, publisher);
    }
  });

  it('should tell the announcer of noted changes when their transaction commits, not before', async () => {
    const key: BoardKey = { edition: '2024', tier: 'provincial', scope: '33', category: 'village' };
    const boardId = boardIdOf(key);
    await store.ensure(dataSource.manager, [{ ...key, boardId }]);
    let told = 0;
    let marks = 0;
    await store.watchChanges(() => told++);
    await listener.listen('board_locks_mark', () => marks++);
    const writer = await inTransaction();
    try {
      await store.markChanged(writer.manager, [{ boardId, nominationId: randomUUID() }]);
      // A notification committed after the note and before its transaction: it arrives, the note's does not.
      await dataSource.query(`SELECT pg_notify('board_locks_mark', '')`);
      await waitFor('the mark to arrive', async () => (marks === 1 ? true : undefined));
      expect(told).toBe(0);

      await writer.commitTransaction();

      await waitFor('the announcer to be told', async () => (told === 1 ? true : undefined));
    } finally {
      await release(writer);
    }
  });

  it("should let a batch of scores note its boards while the announcer updates them, without waiting for the announcer's commit", async () => {
    const key: BoardKey = { edition: '2024', tier: 'provincial', scope: '33', category: 'village' };
    const boardId = boardIdOf(key);
    await store.ensure(dataSource.manager, [{ ...key, boardId }]);
    const announcer = await inTransaction();
    const consumer = await inTransaction();
    try {
      await store.markAnnounced(announcer.manager, [{ boardId, size: 1, version: 1, wholeVersion: 0 }]);
      // Any wait on the announcer's row would fail here at once instead of hanging until it commits.
      await consumer.query(`SET LOCAL lock_timeout = '500ms'`);

      await store.ensure(consumer.manager, [{ ...key, boardId }]);
      await store.markChanged(consumer.manager, [{ boardId, nominationId: randomUUID() }]);
      await consumer.commitTransaction();
      await announcer.commitTransaction();

      expect((await store.dueForAnnouncement(dataSource.manager, 60_000)).map((b) => b.boardId)).toContain(boardId);
    } finally {
      await release(consumer, announcer);
    }
  });

  it('should give the announcer a change noted while the board was being published, for it to take and drop', async () => {
    const key: BoardKey = { edition: '2024', tier: 'provincial', scope: '32', category: 'village' };
    const boardId = boardIdOf(key);
    await store.ensure(dataSource.manager, [{ ...key, boardId }]);
    const consumer = await inTransaction();
    const publisher = await inTransaction();
    try {
      // A consumer notes a change on the open board; before it commits, the board is published (its notes dropped).
      await store.markChanged(consumer.manager, [{ boardId, nominationId: randomUUID() }]);
      await store.find(publisher.manager, boardId, { lock: true });
      await store.publish(publisher.manager, publication(boardId, key));
      await publisher.commitTransaction();
      await consumer.commitTransaction();

      expect((await store.dueForAnnouncement(dataSource.manager, 60_000)).map((b) => b.boardId)).toContain(boardId);
      const announcer = await inTransaction();
      try {
        expect(await store.claim(announcer.manager, [boardId], 60_000)).toMatchObject([
          { boardId, open: false, noted: [expect.any(String)] },
        ]);
        await announcer.commitTransaction();
      } finally {
        await release(announcer);
      }
      expect((await store.dueForAnnouncement(dataSource.manager, 60_000)).map((b) => b.boardId)).not.toContain(boardId);
    } finally {
      await release(consumer, publisher);
    }
  });
});

const publication = (boardId: string, key: BoardKey): RankingPublished => ({
  boardId,
  ...key,
  standings: [],
  ineligible: [],
  publishedAt: new Date().toISOString(),
  publishedBy: 'sekretariat',
});

async function release(...runners: QueryRunner[]): Promise<void> {
  for (const runner of runners) {
    if (runner.isTransactionActive) await runner.rollbackTransaction();
    await runner.release();
  }
}
