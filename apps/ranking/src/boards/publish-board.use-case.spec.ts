import { EventTypes, type Principal } from '@paritrana/contracts';
import { inMemoryRanking, nominationId, principal, PROVINCIAL_BOARD, score, submission, tx } from '../testing/ranking.fixtures';
import { PublishBoardUseCase } from './publish-board.use-case';
import { RecordScoresUseCase } from './record-scores.use-case';
import { RecordSubmissionsUseCase } from './record-submissions.use-case';

const SECRETARIAT = principal('secretariat');

describe('PublishBoardUseCase', () => {
  let ranking: ReturnType<typeof inMemoryRanking>;
  let submit: RecordSubmissionsUseCase;
  let scoreWith: RecordScoresUseCase;
  let sut: PublishBoardUseCase;

  const refusal = (boardId: string, by: Principal) => sut.execute({ boardId, by }).catch((error: unknown) => error);

  beforeEach(async () => {
    ranking = inMemoryRanking();
    submit = new RecordSubmissionsUseCase(ranking.placement, ranking.entries, ranking.boards);
    scoreWith = new RecordScoresUseCase(ranking.placement, ranking.entries, ranking.boards);
    sut = new PublishBoardUseCase(ranking.transactions, ranking.boards, ranking.views, ranking.events, ranking.audit);
    await submit.execute({ submissions: [submission(1), submission(2), submission(3)] }, tx);
  });

  describe('when every standing is final', () => {
    beforeEach(async () => {
      await scoreWith.execute(
        {
          scores: [score(1, { total: 60 }), score(2, { total: 80 }), score(3, { status: 'ineligible', total: 0, reasons: ['Late'] })],
        },
        tx,
      );
    });

    it('should return the frozen board with who published it when the secretariat publishes', async () => {
      const published = await sut.execute({ boardId: PROVINCIAL_BOARD, by: SECRETARIAT });

      expect(published).toMatchObject({ boardId: PROVINCIAL_BOARD, edition: '2024', tier: 'provincial', scope: '15', category: 'regency' });
      expect(published.publishedBy).toBe(SECRETARIAT.sub);
      expect(published.standings.map((s) => [s.nominationId, s.rank, s.title])).toEqual([
        [nominationId(2), 1, 'Terbaik I'],
        [nominationId(1), 2, 'Terbaik II'],
      ]);
      expect(published.ineligible.map((i) => i.nominationId)).toEqual([nominationId(3)]);
    });

    it('should announce ranking.published once with the frozen board when the board is published', async () => {
      const published = await sut.execute({ boardId: PROVINCIAL_BOARD, by: SECRETARIAT });

      expect(ranking.events.published).toHaveLength(1);
      expect(ranking.events.ofType(EventTypes.RankingPublished)[0]).toMatchObject({ subject: PROVINCIAL_BOARD, data: published });
    });

    it('should record who published, the province, the winners and the size when the board is published', async () => {
      await sut.execute({ boardId: PROVINCIAL_BOARD, by: SECRETARIAT });

      expect(ranking.audit.entries).toEqual([
        {
          action: 'board.published',
          province: '15',
          actor: SECRETARIAT.sub,
          details: { boardId: PROVINCIAL_BOARD, winners: [nominationId(2), nominationId(1)], standings: 2 },
        },
      ]);
    });

    it('should keep the published standings when a later score arrives', async () => {
      const published = await sut.execute({ boardId: PROVINCIAL_BOARD, by: SECRETARIAT });

      await scoreWith.execute({ scores: [score(1, { total: 99, calculatedAt: '2025-04-02T00:00:00.000Z' })] }, tx);

      const board = await ranking.views.view(tx, PROVINCIAL_BOARD);
      expect(board).toMatchObject({ status: 'published', standings: published.standings, publishedAt: published.publishedAt });
    });

    it('should refuse with BOARD_ALREADY_PUBLISHED when the board is published a second time', async () => {
      await sut.execute({ boardId: PROVINCIAL_BOARD, by: SECRETARIAT });

      expect(await refusal(PROVINCIAL_BOARD, SECRETARIAT)).toMatchObject({ code: 'BOARD_ALREADY_PUBLISHED', kind: 'conflict' });
      expect(ranking.events.published).toHaveLength(1);
      expect(ranking.audit.entries).toHaveLength(1);
    });

    it('should publish when the panel chair of the board’s province publishes', async () => {
      const published = await sut.execute({ boardId: PROVINCIAL_BOARD, by: principal('panel-chair', ['15']) });

      expect(published.publishedBy).toBe('panel-chair-15');
    });

    it.each([
      ['a panel chair of another province', principal('panel-chair', ['16'])],
      ['a regional office of another province', principal('regional-office', ['16'])],
      ['a national panel chair', principal('panel-chair')],
      ['the regional office of the province', principal('regional-office', ['15'])],
      ['an assessor of the province', principal('assessor', ['15'])],
    ])('should refuse with BOARD_OUT_OF_SCOPE when %s publishes', async (_who, by) => {
      expect(await refusal(PROVINCIAL_BOARD, by)).toMatchObject({ code: 'BOARD_OUT_OF_SCOPE', kind: 'forbidden' });
      expect(ranking.events.published).toEqual([]);
      expect((await ranking.boards.find(tx, PROVINCIAL_BOARD))?.status).toBe('open');
    });
  });

  it('should refuse with BOARD_HAS_PROVISIONAL_SCORES listing them when some standings are not final', async () => {
    await scoreWith.execute({ scores: [score(1, { total: 60 }), score(2, { total: 80, status: 'provisional' })] }, tx);

    const error = await refusal(PROVINCIAL_BOARD, SECRETARIAT);

    expect(error).toMatchObject({
      code: 'BOARD_HAS_PROVISIONAL_SCORES',
      kind: 'conflict',
      details: {
        provisional: [
          { nominationId: nominationId(2), name: 'Kabupaten 2' },
          { nominationId: nominationId(3), name: 'Kabupaten 3' },
        ],
      },
    });
    expect(ranking.events.published).toEqual([]);
    expect(ranking.audit.entries).toEqual([]);
    expect((await ranking.boards.find(tx, PROVINCIAL_BOARD))?.status).toBe('open');
  });

  it('should refuse with BOARD_EMPTY when no nomination stands on the board', async () => {
    await scoreWith.execute(
      {
        scores: [1, 2, 3].map((n) => score(n, { status: 'ineligible', total: 0, reasons: ['Late'] })),
      },
      tx,
    );

    expect(await refusal(PROVINCIAL_BOARD, SECRETARIAT)).toMatchObject({ code: 'BOARD_EMPTY', kind: 'conflict' });
  });

  it.each(['2024:provincial:16:regency', 'not-a-board-id'])(
    'should refuse with BOARD_NOT_FOUND when board %s does not exist',
    async (id) => {
      expect(await refusal(id, SECRETARIAT)).toMatchObject({ code: 'BOARD_NOT_FOUND', kind: 'not-found' });
    },
  );

  it('should publish a national board when a national panel chair publishes', async () => {
    await submit.execute({ submissions: [submission(4, { tier: 'national' })] }, tx);
    await scoreWith.execute({ scores: [score(4, { tier: 'national' })] }, tx);

    const published = await sut.execute({ boardId: '2024:national:sumatera:regency', by: principal('panel-chair') });

    expect(published.standings.map((s) => s.nominationId)).toEqual([nominationId(4)]);
    expect(ranking.audit.entries[0]).not.toHaveProperty('province');
  });
});
