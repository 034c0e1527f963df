import { EventTypes, type RankingUpdated } from '@paritrana/contracts';
import { inMemoryRanking, nominationId, score, submission, tx } from '../testing/ranking.fixtures';
import { BoardAnnouncer } from './board-announcer';
import { RecordScoresUseCase } from './record-scores.use-case';
import { RecordSubmissionsUseCase } from './record-submissions.use-case';

const provinces = (count: number) => Array.from({ length: count }, (_, i) => String(11 + i));

describe('BoardAnnouncer', () => {
  let ranking: ReturnType<typeof inMemoryRanking>;
  let submit: RecordSubmissionsUseCase;
  let sut: BoardAnnouncer;

  const updates = () => ranking.events.ofType(EventTypes.RankingUpdated).map((e) => e.data as RankingUpdated);

  beforeEach(() => {
    // The clock moves only when a test moves it, and the poller's own timer never fires: each test runs the rounds it is about.
    jest.useFakeTimers({ doNotFake: ['performance', 'nextTick', 'queueMicrotask', 'setImmediate'] });
    ranking = inMemoryRanking();
    submit = new RecordSubmissionsUseCase(ranking.placement, ranking.entries, ranking.boards);
    sut = new BoardAnnouncer(ranking.transactions, ranking.boards, ranking.views, ranking.events);
    sut.onApplicationBootstrap();
  });

  afterEach(async () => {
    await sut.beforeApplicationShutdown();
    jest.useRealTimers();
  });

  it('should announce each changed board once with its latest standings when a burst of changes is due', async () => {
    await submit.execute({ submissions: [submission(1), submission(2)] }, tx);
    await new RecordScoresUseCase(ranking.placement, ranking.entries, ranking.boards).execute(
      {
        scores: [score(1, { total: 60 }), score(2, { total: 80 })],
      },
      tx,
    );

    await sut.announceChanged();

    expect(updates()).toHaveLength(1);
    expect(updates()[0]).toMatchObject({ boardId: '2024:provincial:15:regency', ineligible: [] });
    expect(updates()[0].standings.map((s) => s.nominationId)).toEqual([nominationId(2), nominationId(1)]);
  });

  it('should announce nothing when no board changed since its last announcement', async () => {
    await submit.execute({ submissions: [submission(1)] }, tx);
    await sut.announceChanged();

    await sut.announceChanged();

    expect(updates()).toHaveLength(1);
  });

  it('should wait out the 100 ms interval when a board changes again just after being announced', async () => {
    await submit.execute({ submissions: [submission(1)] }, tx);
    await sut.announceChanged();
    await submit.execute({ submissions: [submission(2)] }, tx);

    jest.setSystemTime(Date.now() + 99);
    await sut.announceChanged();
    expect(updates()).toHaveLength(1);

    jest.setSystemTime(Date.now() + 1);
    await sut.announceChanged();
    expect(updates()).toHaveLength(2);
    expect(updates()[1].standings).toHaveLength(2);
  });

  it('should wait 0.1 ms per standing when a board of more than 1,000 was announced', async () => {
    await submit.execute({ submissions: [submission(1)] }, tx);
    await sut.announceChanged();
    const board = ranking.boards.rows.get('2024:provincial:15:regency')!;
    board.announcedSize = 5_000;
    await submit.execute({ submissions: [submission(2)] }, tx);

    jest.setSystemTime(Date.now() + 499);
    await sut.announceChanged();
    expect(updates()).toHaveLength(1);

    jest.setSystemTime(Date.now() + 1);
    await sut.announceChanged();
    expect(updates()).toHaveLength(2);
  });

  it('should announce at most 20 boards per transaction when more are due', async () => {
    await submit.execute({ submissions: provinces(45).map((p, i) => submission(i + 1, { province: p })) }, tx);
    ranking.transactions.count = 0;

    await sut.announceChanged();

    expect(updates()).toHaveLength(45);
    // Groups of 20, 20 and 5, each announced in its own transaction (the due boards are read outside any).
    expect(ranking.transactions.count).toBe(3);
  });

  it('should close a group before it passes 10,000 standings when large boards are due', async () => {
    await submit.execute({ submissions: provinces(3).map((p, i) => submission(i + 1, { province: p })) }, tx);
    for (const board of ranking.boards.rows.values()) Object.assign(board, { announcedSize: 4_000, announcedAt: Date.now() - 400 });
    ranking.transactions.count = 0;

    await sut.announceChanged();

    expect(updates()).toHaveLength(3);
    expect(ranking.transactions.count).toBe(2);
  });

  it('should not announce a published board when it was changed before publication', async () => {
    await submit.execute({ submissions: [submission(1)] }, tx);
    const view = (await ranking.views.view(tx, '2024:provincial:15:regency'))!;
    await ranking.boards.publish(tx, { ...view, publishedAt: '2025-04-01T00:00:00.000Z', publishedBy: 'secretariat' });

    await sut.announceChanged();

    expect(updates()).toEqual([]);
  });
});
