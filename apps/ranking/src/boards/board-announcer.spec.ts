import { applyBoardChange, EventTypes, type BoardCopy, type RankingChanged, type RankingUpdated } from '@paritrana/contracts';
import { inMemoryRanking, nominationId, score, submission, tx, withdrawal } from '../testing/ranking.fixtures';
import { BoardAnnouncer } from './board-announcer';
import { RecordScoresUseCase } from './record-scores.use-case';
import { RecordSubmissionsUseCase } from './record-submissions.use-case';
import { RecordWithdrawalUseCase } from './record-withdrawal.use-case';

const provinces = (count: number) => Array.from({ length: count }, (_, i) => String(11 + i));
const BOARD = '2024:provincial:15:regency';

describe('BoardAnnouncer', () => {
  let ranking: ReturnType<typeof inMemoryRanking>;
  let submit: RecordSubmissionsUseCase;
  let scores: RecordScoresUseCase;
  let sut: BoardAnnouncer;

  const announcer = (boardMemoryEntries = 150_000, wholeBoardStandingsPerSecond = 1_000) =>
    new BoardAnnouncer(ranking.transactions, ranking.boards, ranking.editions, ranking.entries, ranking.events, {
      wholeBoardSeconds: 60,
      wholeBoardStandingsPerSecond,
      boardMemoryEntries,
    });
  const changes = () => ranking.events.ofType(EventTypes.RankingChanged).map((e) => e.data as RankingChanged);
  const wholeBoards = () => ranking.events.ofType(EventTypes.RankingUpdated).map((e) => e.data as RankingUpdated);

  /** Runs the step, has `by` announce, and takes the copy one change further: it must equal the board. */
  const announcedAndFollowed = async (copy: BoardCopy | undefined, step: () => Promise<unknown>, by = sut) => {
    await step();
    jest.setSystemTime(Date.now() + 1);
    await by.announceDue();
    const next = applyBoardChange(copy, changes().at(-1)!);
    const board = (await ranking.views.view(tx, BOARD))!;
    expect({ standings: next.standings, ineligible: next.ineligible }).toEqual({
      standings: board.standings,
      ineligible: board.ineligible,
    });
    return next;
  };

  /** A board last announced with 5,000 standings, changed since. */
  const largeBoardChanged = async () => {
    await submit.execute({ submissions: [submission(1)] }, tx);
    await sut.announceDue();
    ranking.boards.rows.get(BOARD)!.announcedSize = 5_000;
    await submit.execute({ submissions: [submission(2)] }, tx);
  };

  beforeEach(async () => {
    // The clock moves only when a test moves it, and the poller's own timer never fires: each test runs the rounds it is about.
    jest.useFakeTimers({ doNotFake: ['performance', 'nextTick', 'queueMicrotask', 'setImmediate'] });
    ranking = inMemoryRanking();
    submit = new RecordSubmissionsUseCase(ranking.placement, ranking.entries, ranking.boards);
    scores = new RecordScoresUseCase(ranking.placement, ranking.entries, ranking.boards);
    sut = announcer();
    await sut.onApplicationBootstrap();
  });

  afterEach(async () => {
    await sut.beforeApplicationShutdown();
    jest.useRealTimers();
  });

  it('should announce a burst of changes as one change, version 1, and the whole board right after it the first time', async () => {
    await submit.execute({ submissions: [submission(1), submission(2)] }, tx);
    await scores.execute({ scores: [score(1, { total: 60 }), score(2, { total: 80 })] }, tx);

    await sut.announceDue();

    expect(changes()).toHaveLength(1);
    expect(changes()[0]).toMatchObject({ boardId: BOARD, version: 1, left: [], ineligible: [], counts: { standings: 2, ineligible: 0 } });
    expect(changes()[0].standings.map((s) => [s.rank, s.nominationId])).toEqual([
      [1, nominationId(2)],
      [2, nominationId(1)],
    ]);
    expect(wholeBoards()).toHaveLength(1);
    expect(wholeBoards()[0]).toMatchObject({ boardId: BOARD, version: 1, ineligible: [] });
    expect(wholeBoards()[0].standings).toEqual(changes()[0].standings);
  });

  it('should announce nothing when no board changed since its last announcement', async () => {
    await submit.execute({ submissions: [submission(1)] }, tx);
    await sut.announceDue();

    await sut.announceDue();

    expect(changes()).toHaveLength(1);
    expect(wholeBoards()).toHaveLength(1);
  });

  it('should announce the next change at once with only what changed, and the whole board again after its interval', async () => {
    await submit.execute({ submissions: [submission(1), submission(2)] }, tx);
    await sut.announceDue();
    await scores.execute({ scores: [score(2, { total: 70 })] }, tx);

    jest.setSystemTime(Date.now() + 1);
    await sut.announceDue();

    expect(changes()).toHaveLength(2);
    expect(changes()[1]).toMatchObject({ version: 2, counts: { standings: 2, ineligible: 0 } });
    // The scored one, and the one whose title it took: both moved in more than their rank.
    expect(changes()[1].standings.map((s) => [s.rank, s.nominationId, s.total, s.title])).toEqual([
      [1, nominationId(2), 70, 'Terbaik I'],
      [2, nominationId(1), 0, 'Terbaik II'],
    ]);
    expect(wholeBoards()).toHaveLength(1);

    jest.setSystemTime(Date.now() + 59_998);
    await sut.announceDue();
    expect(wholeBoards()).toHaveLength(1);

    jest.setSystemTime(Date.now() + 1);
    await sut.announceDue();
    expect(changes()).toHaveLength(2);
    expect(wholeBoards()).toHaveLength(2);
    expect(wholeBoards()[1]).toMatchObject({ version: 2 });
    expect(wholeBoards()[1].standings.map((s) => s.nominationId)).toEqual([nominationId(2), nominationId(1)]);
  });

  it('should announce a change in a transaction of its own before the whole board it owes, which follows in the same round', async () => {
    await submit.execute({ submissions: [submission(1), submission(2)] }, tx);
    await sut.announceDue();
    jest.setSystemTime(Date.now() + 60_000);
    await scores.execute({ scores: [score(2, { total: 70 })] }, tx);
    ranking.transactions.count = 0;

    await sut.announceDue();

    expect(changes().map((c) => c.version)).toEqual([1, 2]);
    expect(wholeBoards().map((w) => w.version)).toEqual([1, 2]);
    expect(ranking.transactions.count).toBe(2);
  });

  it('should send a whole board that waited for its change along with the next change', async () => {
    await sut.beforeApplicationShutdown();
    sut = announcer(150_000, 1);
    await sut.onApplicationBootstrap();
    await submit.execute({ submissions: [submission(1)] }, tx);
    await sut.announceDue();
    // Its whole board due again, and larger than the budget left (nine of ten standings) allows on its own.
    await scores.execute({ scores: [score(1, { total: 70 })] }, tx);
    Object.assign(ranking.boards.rows.get(BOARD)!, { announcedSize: 5_000, wholeAt: null });
    jest.setSystemTime(Date.now() + 1);
    await sut.announceDue();
    expect([changes().length, wholeBoards().length]).toEqual([2, 1]);

    await scores.execute({ scores: [score(1, { total: 80 })] }, tx);
    jest.setSystemTime(Date.now() + 1);
    ranking.transactions.count = 0;
    await sut.announceDue();

    expect(changes().map((c) => c.version)).toEqual([1, 2, 3]);
    expect(wholeBoards().map((w) => w.version)).toEqual([1, 3]);
    expect(ranking.transactions.count).toBe(1);
  });

  describe('with a budget of one whole standing a second (ten at once)', () => {
    beforeEach(async () => {
      await sut.beforeApplicationShutdown();
      sut = announcer(150_000, 1);
      await sut.onApplicationBootstrap();
      await submit.execute({ submissions: provinces(12).map((p, i) => submission(i + 1, { province: p })) }, tx);
      await sut.announceDue();
    });

    it('should hold whole boards back while the budget is spent, and send one as it accrues', async () => {
      expect(changes()).toHaveLength(12);
      expect(wholeBoards()).toHaveLength(10);

      jest.setSystemTime(Date.now() + 1_000);
      await sut.announceDue();

      expect(changes()).toHaveLength(12);
      expect(wholeBoards().map((w) => w.boardId)).toHaveLength(11);
    });

    it('should announce a change at once while whole boards noted earlier wait for the budget', async () => {
      await submit.execute({ submissions: [submission(13, { province: '23' })] }, tx);

      await sut.announceDue();

      expect(changes().at(-1)).toMatchObject({ boardId: '2024:provincial:23:regency', version: 1 });
      expect(wholeBoards()).toHaveLength(10);
    });
  });

  it('should let a copy kept from the changes alone equal the board after every announcement', async () => {
    let copy: BoardCopy | undefined;
    const steps = [
      () => submit.execute({ submissions: [submission(1), submission(2), submission(3)] }, tx),
      () => scores.execute({ scores: [score(1, { total: 50 }), score(3, { total: 90 })] }, tx),
      () =>
        scores.execute(
          { scores: [score(2, { status: 'ineligible', reasons: ['tidak terdaftar'], calculatedAt: '2025-03-02T11:00:00.000Z' })] },
          tx,
        ),
      () => submit.execute({ submissions: [submission(4)] }, tx),
      () => new RecordWithdrawalUseCase(ranking.placement, ranking.entries, ranking.boards).execute({ withdrawal: withdrawal(3) }, tx),
      () => scores.execute({ scores: [score(2, { total: 95, calculatedAt: '2025-03-02T12:00:00.000Z' }), score(4, { total: 10 })] }, tx),
    ];
    for (const step of steps) copy = await announcedAndFollowed(copy, step);
    expect(copy!.version).toBe(steps.length);
  });

  it('should announce a held board’s changes at once, whatever its size', async () => {
    await largeBoardChanged();

    await sut.announceDue();

    expect(changes()).toHaveLength(2);
  });

  it('should wait 0.05 ms per standing between the changes of a large board it does not hold, which it ranks whole', async () => {
    await largeBoardChanged();
    // A restarted replica holds no board.
    await sut.beforeApplicationShutdown();
    sut = announcer();
    await sut.onApplicationBootstrap();

    jest.setSystemTime(Date.now() + 249);
    await sut.announceDue();
    expect(changes()).toHaveLength(1);

    jest.setSystemTime(Date.now() + 1);
    await sut.announceDue();
    expect(changes()).toHaveLength(2);
    expect(changes()[1]).toMatchObject({ version: 2, counts: { standings: 2, ineligible: 0 } });
  });

  it('should rank a board whole again when another replica announced it since, and go on from there', async () => {
    const other = announcer();
    await other.onApplicationBootstrap();
    let copy: BoardCopy | undefined;
    const steps = [
      { by: sut, step: () => submit.execute({ submissions: [submission(1), submission(2)] }, tx) },
      { by: other, step: () => scores.execute({ scores: [score(1, { total: 50 })] }, tx) },
      { by: sut, step: () => scores.execute({ scores: [score(2, { total: 90 })] }, tx) },
      { by: sut, step: () => submit.execute({ submissions: [submission(3)] }, tx) },
    ];
    for (const { by, step } of steps) copy = await announcedAndFollowed(copy, step, by);
    expect(changes().map((c) => c.version)).toEqual([1, 2, 3, 4]);
    await other.beforeApplicationShutdown();
  });

  it('should give the same changes when it holds no board at all', async () => {
    await sut.beforeApplicationShutdown();
    sut = announcer(0);
    await sut.onApplicationBootstrap();
    await submit.execute({ submissions: [submission(1), submission(2)] }, tx);
    await sut.announceDue();
    await scores.execute({ scores: [score(2, { total: 70 })] }, tx);

    jest.setSystemTime(Date.now() + 1);
    await sut.announceDue();

    expect(changes().map((c) => c.standings.map((s) => [s.rank, s.nominationId, s.title]))).toEqual([
      [
        [1, nominationId(1), 'Terbaik I'],
        [2, nominationId(2), 'Terbaik II'],
      ],
      [
        [1, nominationId(2), 'Terbaik I'],
        [2, nominationId(1), 'Terbaik II'],
      ],
    ]);
  });

  it('should announce at most 20 boards per transaction when more are due', async () => {
    await submit.execute({ submissions: provinces(45).map((p, i) => submission(i + 1, { province: p })) }, tx);
    ranking.transactions.count = 0;

    await sut.announceDue();

    expect(changes()).toHaveLength(45);
    expect(wholeBoards()).toHaveLength(45);
    // Groups of 20, 20 and 5, each announced in its own transaction (the due boards are read outside any), then their
    // whole boards in groups of the same.
    expect(ranking.transactions.count).toBe(6);
  });

  it('should read an edition once for all its boards in a group', async () => {
    await submit.execute({ submissions: provinces(5).map((p, i) => submission(i + 1, { province: p })) }, tx);
    const reads = jest.spyOn(ranking.editions, 'get');

    await sut.announceDue();

    expect(changes()).toHaveLength(5);
    // Once for the group's changes, once for its whole boards.
    expect(reads).toHaveBeenCalledTimes(2);
  });

  it('should close a group before it passes 10,000 standings when large boards are due', async () => {
    await submit.execute({ submissions: provinces(3).map((p, i) => submission(i + 1, { province: p })) }, tx);
    for (const board of ranking.boards.rows.values())
      Object.assign(board, { announcedSize: 4_000, announcedAt: Date.now() - 400, wholeAt: Date.now() });
    ranking.transactions.count = 0;

    await sut.announceDue();

    expect(changes()).toHaveLength(3);
    expect(ranking.transactions.count).toBe(2);
  });

  it('should count the standings of the whole boards due in a group', async () => {
    await submit.execute({ submissions: provinces(2).map((p, i) => submission(i + 1, { province: p })) }, tx);
    for (const board of ranking.boards.rows.values())
      Object.assign(board, { announcedSize: 4_000, announcedAt: Date.now() - 400, wholeAt: null });
    ranking.transactions.count = 0;

    await sut.announceDue();

    // Each ranked whole (4,000) and owing its whole board (4,000): the second would pass 10,000 in the first's
    // transaction. Then each whole board in one of its own: more than 2,000 standings each.
    expect(changes()).toHaveLength(2);
    expect(wholeBoards()).toHaveLength(2);
    expect(ranking.transactions.count).toBe(4);
  });

  it('should not announce a published board when it was changed before publication', async () => {
    await submit.execute({ submissions: [submission(1)] }, tx);
    const view = (await ranking.views.view(tx, BOARD))!;
    await ranking.boards.publish(tx, { ...view, publishedAt: '2025-04-01T00:00:00.000Z', publishedBy: 'secretariat' });

    await sut.announceDue();

    expect(changes()).toEqual([]);
    expect(wholeBoards()).toEqual([]);
  });
});
