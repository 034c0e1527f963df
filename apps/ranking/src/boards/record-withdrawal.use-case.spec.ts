import { inMemoryRanking, nominationId, PROVINCIAL_BOARD, score, submission, tx, withdrawal } from '../testing/ranking.fixtures';
import { RecordScoresUseCase } from './record-scores.use-case';
import { RecordSubmissionsUseCase } from './record-submissions.use-case';
import { RecordWithdrawalUseCase } from './record-withdrawal.use-case';

describe('RecordWithdrawalUseCase', () => {
  let ranking: ReturnType<typeof inMemoryRanking>;
  let sut: RecordWithdrawalUseCase;

  const standingIds = async () => (await ranking.views.view(tx, PROVINCIAL_BOARD))?.standings.map((s) => s.nominationId);

  beforeEach(async () => {
    ranking = inMemoryRanking();
    sut = new RecordWithdrawalUseCase(ranking.placement, ranking.entries, ranking.boards);
    await new RecordSubmissionsUseCase(ranking.placement, ranking.entries, ranking.boards).execute(
      {
        submissions: [submission(1), submission(2)],
      },
      tx,
    );
  });

  it('should take the nomination off its board when it is withdrawn', async () => {
    const outcome = await sut.execute({ withdrawal: withdrawal(1) }, tx);

    expect(outcome).toEqual({ boardIds: [PROVINCIAL_BOARD] });
    expect(await standingIds()).toEqual([nominationId(2)]);
  });

  it('should keep the nomination off its board when a score for it arrives after the withdrawal', async () => {
    await sut.execute({ withdrawal: withdrawal(1) }, tx);

    await new RecordScoresUseCase(ranking.placement, ranking.entries, ranking.boards).execute(
      {
        scores: [score(1, { total: 99 })],
      },
      tx,
    );

    expect(await standingIds()).toEqual([nominationId(2)]);
  });

  it('should keep the nomination off its board when its submission is redelivered after the withdrawal', async () => {
    await sut.execute({ withdrawal: withdrawal(1) }, tx);

    await new RecordSubmissionsUseCase(ranking.placement, ranking.entries, ranking.boards).execute({ submissions: [submission(1)] }, tx);

    expect(await standingIds()).toEqual([nominationId(2)]);
  });
});
