import { inMemoryRanking, nominationId, PROVINCIAL_BOARD, submission, tx } from '../testing/ranking.fixtures';
import { RecordSubmissionsUseCase } from './record-submissions.use-case';

describe('RecordSubmissionsUseCase', () => {
  let ranking: ReturnType<typeof inMemoryRanking>;
  let sut: RecordSubmissionsUseCase;

  beforeEach(() => {
    ranking = inMemoryRanking();
    sut = new RecordSubmissionsUseCase(ranking.placement, ranking.entries, ranking.boards);
  });

  it('should put a nomination on its province board as provisional with 0 when it is submitted', async () => {
    const outcome = await sut.execute({ submissions: [submission(1)] }, tx);

    expect(outcome).toEqual({ boardIds: [PROVINCIAL_BOARD] });
    const board = await ranking.views.view(tx, PROVINCIAL_BOARD);
    expect(board).toMatchObject({ status: 'open', edition: '2024', tier: 'provincial', scope: '15', category: 'regency' });
    expect(board?.standings).toEqual([
      { rank: 1, nominationId: nominationId(1), nominee: submission(1).nominee, total: 0, status: 'provisional', title: 'Terbaik I' },
    ]);
  });

  it('should put a national nomination on its zone board when its category is ranked nationally by zone', async () => {
    const outcome = await sut.execute({ submissions: [submission(1, { tier: 'national', province: '16' })] }, tx);

    expect(outcome.boardIds).toEqual(['2024:national:sumatera:regency']);
  });

  it('should put a national nomination on the national board when its province is in no zone', async () => {
    const outcome = await sut.execute({ submissions: [submission(1, { tier: 'national', province: '31' })] }, tx);

    expect(outcome.boardIds).toEqual(['2024:national:national:regency']);
  });

  it('should keep the last submission of a nomination when a batch holds it twice', async () => {
    const renamed = { kind: 'regency' as const, name: 'Kabupaten Baru', regionCode: '15.01' };

    await sut.execute({ submissions: [submission(1), submission(1, { nominee: renamed })] }, tx);

    const board = await ranking.views.view(tx, PROVINCIAL_BOARD);
    expect(board?.standings.map((s) => s.nominee)).toEqual([renamed]);
  });

  it('should mark the board changed once for the announcer when several of its nominations are submitted', async () => {
    const outcome = await sut.execute({ submissions: [submission(1), submission(2)] }, tx);

    expect(outcome.boardIds).toEqual([PROVINCIAL_BOARD]);
    expect(await ranking.boards.dueForAnnouncement(tx, 60_000)).toEqual([
      { boardId: PROVINCIAL_BOARD, changed: true, announcedSize: 0, sinceAnnouncedMs: null, wholeDue: true },
    ]);
    expect((await ranking.boards.claim(tx, [PROVINCIAL_BOARD], 60_000)).map((b) => b.noted)).toEqual([[nominationId(1), nominationId(2)]]);
  });

  it('should not mark a board changed when it is already published', async () => {
    await sut.execute({ submissions: [submission(1)] }, tx);
    const board = (await ranking.views.view(tx, PROVINCIAL_BOARD))!;
    await ranking.boards.publish(tx, { ...board, publishedAt: '2025-04-01T00:00:00.000Z', publishedBy: 'secretariat' });

    await sut.execute({ submissions: [submission(2)] }, tx);

    expect(await ranking.boards.dueForAnnouncement(tx, 60_000)).toEqual([]);
    expect(await ranking.boards.claim(tx, [PROVINCIAL_BOARD], 60_000)).toEqual([]);
  });

  it('should refuse, to be retried, when the nomination’s edition has not reached ranking yet', async () => {
    await expect(sut.execute({ submissions: [submission(1, { edition: '2025' })] }, tx)).rejects.toMatchObject({
      code: 'EDITION_NOT_YET_KNOWN',
      kind: 'unavailable',
    });
    expect(ranking.boards.rows.size).toBe(0);
  });
});
