import { inMemoryRanking, principal, score, submission, tx } from '../testing/ranking.fixtures';
import { ListBoardsUseCase } from './list-boards.use-case';
import { RecordScoresUseCase } from './record-scores.use-case';
import { RecordSubmissionsUseCase } from './record-submissions.use-case';

describe('ListBoardsUseCase', () => {
  let sut: ListBoardsUseCase;

  const ids = async (query: Parameters<ListBoardsUseCase['execute']>[0]) => (await sut.execute(query)).boards.map((b) => b.boardId);

  beforeEach(async () => {
    const ranking = inMemoryRanking();
    await new RecordSubmissionsUseCase(ranking.placement, ranking.entries, ranking.boards).execute(
      {
        submissions: [submission(1), submission(2, { province: '16' }), submission(3, { tier: 'national' })],
      },
      tx,
    );
    await new RecordSubmissionsUseCase(ranking.placement, ranking.entries, ranking.boards).execute(
      { submissions: [submission(4), submission(5)] },
      tx,
    );
    await new RecordScoresUseCase(ranking.placement, ranking.entries, ranking.boards).execute(
      { scores: [score(1), score(4, { status: 'ineligible', reasons: ['regulation.level must be "perda"'] })] },
      tx,
    );
    sut = new ListBoardsUseCase(ranking.transactions, ranking.boards, ranking.entries);
  });

  it('should list every board, provincial first, when a national role asks', async () => {
    expect(await ids({ by: principal('secretariat') })).toEqual([
      '2024:provincial:15:regency',
      '2024:provincial:16:regency',
      '2024:national:sumatera:regency',
    ]);
  });

  it('should list only its provinces’ provincial boards and every national board when a province-scoped token asks', async () => {
    expect(await ids({ by: principal('regional-office', ['16']) })).toEqual([
      '2024:provincial:16:regency',
      '2024:national:sumatera:regency',
    ]);
  });

  it('should list only national boards when a token without provinces asks', async () => {
    expect(await ids({ by: principal('assessor') })).toEqual(['2024:national:sumatera:regency']);
  });

  it('should apply the filters when some are given', async () => {
    expect(await ids({ by: principal('admin'), tier: 'provincial', scope: '15' })).toEqual(['2024:provincial:15:regency']);
  });

  it('should count a nomination not scored yet as provisional', async () => {
    const { boards } = await sut.execute({ by: principal('admin'), scope: '16' });

    expect(boards[0].counts).toEqual({ final: 0, provisional: 1, ineligible: 0 });
  });

  it('should describe each board with its status, its progress and no publication time when none is published', async () => {
    const { boards } = await sut.execute({ by: principal('admin'), scope: '15' });

    expect(boards).toEqual([
      {
        boardId: '2024:provincial:15:regency',
        edition: '2024',
        tier: 'provincial',
        scope: '15',
        category: 'regency',
        status: 'open',
        publishedAt: null,
        counts: { final: 1, provisional: 1, ineligible: 1 },
      },
    ]);
  });
});
