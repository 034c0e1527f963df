import { inMemoryRanking, nominationId, principal, PROVINCIAL_BOARD, submission, tx } from '../testing/ranking.fixtures';
import { GetBoardUseCase } from './get-board.use-case';
import { RecordSubmissionsUseCase } from './record-submissions.use-case';

describe('GetBoardUseCase', () => {
  let sut: GetBoardUseCase;

  beforeEach(async () => {
    const ranking = inMemoryRanking();
    await new RecordSubmissionsUseCase(ranking.placement, ranking.entries, ranking.boards).execute(
      {
        submissions: [submission(1), submission(2, { tier: 'national' })],
      },
      tx,
    );
    sut = new GetBoardUseCase(ranking.transactions, ranking.views);
  });

  it('should return the board as it stands when a token of its province asks', async () => {
    const board = await sut.execute({ boardId: PROVINCIAL_BOARD, by: principal('regional-office', ['15']) });

    expect(board).toMatchObject({ boardId: PROVINCIAL_BOARD, status: 'open', ineligible: [] });
    expect(board.standings.map((s) => s.nominationId)).toEqual([nominationId(1)]);
  });

  it('should return a national board when any role asks', async () => {
    const board = await sut.execute({ boardId: '2024:national:sumatera:regency', by: principal('assessor', ['16']) });

    expect(board.standings.map((s) => s.nominationId)).toEqual([nominationId(2)]);
  });

  it('should refuse with BOARD_OUT_OF_SCOPE when a token of another province asks for a provincial board', async () => {
    await expect(sut.execute({ boardId: PROVINCIAL_BOARD, by: principal('regional-office', ['16']) })).rejects.toMatchObject({
      code: 'BOARD_OUT_OF_SCOPE',
      kind: 'forbidden',
    });
  });

  it('should refuse with BOARD_NOT_FOUND when the board does not exist', async () => {
    await expect(sut.execute({ boardId: '2024:provincial:16:regency', by: principal('admin') })).rejects.toMatchObject({
      code: 'BOARD_NOT_FOUND',
      kind: 'not-found',
    });
  });
});
