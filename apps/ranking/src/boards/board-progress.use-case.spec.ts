import { inMemoryRanking, score, submission, tx, withdrawal } from '../testing/ranking.fixtures';
import { BoardProgressUseCase } from './board-progress.use-case';
import { RecordScoresUseCase } from './record-scores.use-case';
import { RecordSubmissionsUseCase } from './record-submissions.use-case';
import { RecordWithdrawalUseCase } from './record-withdrawal.use-case';

describe('BoardProgressUseCase', () => {
  const setup = async () => {
    const ranking = inMemoryRanking();
    await new RecordSubmissionsUseCase(ranking.placement, ranking.entries, ranking.boards).execute(
      { submissions: [submission(1), submission(2), submission(3), submission(4), submission(5, { province: '16' })] },
      tx,
    );
    await new RecordScoresUseCase(ranking.placement, ranking.entries, ranking.boards).execute(
      {
        scores: [
          score(1),
          score(2, { status: 'ineligible', reasons: ['regulation.level must be perda'] }),
          score(3, { status: 'provisional' }),
        ],
      },
      tx,
    );
    await new RecordWithdrawalUseCase(ranking.placement, ranking.entries, ranking.boards).execute({ withdrawal: withdrawal(4) }, tx);
    return new BoardProgressUseCase(ranking.transactions, ranking.boards, ranking.entries);
  };

  it('should count each board’s standing nominations by score status, leaving withdrawn ones out, when the edition is given', async () => {
    const sut = await setup();

    expect(await sut.execute({ edition: '2024' })).toEqual({
      edition: '2024',
      boards: [
        expect.objectContaining({ boardId: '2024:provincial:15:regency', status: 'open', provisional: 1, final: 1, ineligible: 1 }),
        expect.objectContaining({ boardId: '2024:provincial:16:regency', status: 'open', provisional: 1, final: 0, ineligible: 0 }),
      ],
    });
  });

  it('should answer no boards when the edition has none', async () => {
    const sut = await setup();

    expect(await sut.execute({ edition: '2030' })).toEqual({ edition: '2030', boards: [] });
  });

  it('should refuse with STATS_QUERY_INVALID when no edition is given', async () => {
    const sut = await setup();

    await expect(sut.execute({})).rejects.toMatchObject({ code: 'STATS_QUERY_INVALID', kind: 'invalid' });
  });
});
