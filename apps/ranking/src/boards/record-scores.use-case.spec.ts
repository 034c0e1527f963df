import { inMemoryRanking, nominationId, PROVINCIAL_BOARD, score, submission, tx } from '../testing/ranking.fixtures';
import { RecordScoresUseCase } from './record-scores.use-case';
import { RecordSubmissionsUseCase } from './record-submissions.use-case';

describe('RecordScoresUseCase', () => {
  let ranking: ReturnType<typeof inMemoryRanking>;
  let sut: RecordScoresUseCase;

  const standings = async () => (await ranking.views.view(tx, PROVINCIAL_BOARD))!.standings.map((s) => [s.nominationId, s.total, s.status]);

  beforeEach(async () => {
    ranking = inMemoryRanking();
    sut = new RecordScoresUseCase(ranking.placement, ranking.entries, ranking.boards);
    await new RecordSubmissionsUseCase(ranking.placement, ranking.entries, ranking.boards).execute(
      {
        submissions: [submission(1), submission(2)],
      },
      tx,
    );
  });

  it('should rank nominations by their totals when they are scored', async () => {
    const outcome = await sut.execute({ scores: [score(1, { total: 60 }), score(2, { total: 80, status: 'provisional' })] }, tx);

    expect(outcome).toEqual({ boardIds: [PROVINCIAL_BOARD] });
    expect(await standings()).toEqual([
      [nominationId(2), 80, 'provisional'],
      [nominationId(1), 60, 'final'],
    ]);
  });

  it('should move a nomination when an amended assessment gives it a newer score', async () => {
    await sut.execute({ scores: [score(1, { total: 60 }), score(2, { total: 80 })] }, tx);

    await sut.execute({ scores: [score(1, { total: 90, calculatedAt: '2025-03-05T10:00:00.000Z' })] }, tx);

    expect(await standings()).toEqual([
      [nominationId(1), 90, 'final'],
      [nominationId(2), 80, 'final'],
    ]);
  });

  it('should change nothing when an older score arrives after a newer one', async () => {
    await sut.execute({ scores: [score(1, { total: 90, calculatedAt: '2025-03-05T10:00:00.000Z' }), score(2, { total: 80 })] }, tx);

    await sut.execute({ scores: [score(1, { total: 10, calculatedAt: '2025-03-04T10:00:00.000Z' })] }, tx);

    expect((await standings())[0]).toEqual([nominationId(1), 90, 'final']);
  });

  it('should apply the newest score of a nomination when a batch holds several, in any order', async () => {
    await sut.execute(
      {
        scores: [
          score(1, { total: 95, calculatedAt: '2025-03-06T10:00:00.000Z' }),
          score(1, { total: 10, calculatedAt: '2025-03-05T10:00:00.000Z' }),
          score(2, { total: 80 }),
        ],
      },
      tx,
    );

    expect((await standings())[0]).toEqual([nominationId(1), 95, 'final']);
  });

  it('should list a nomination as ineligible with its reasons when its score is ineligible', async () => {
    await sut.execute({ scores: [score(1, { status: 'ineligible', total: 0, reasons: ['No regulation'] }), score(2)] }, tx);

    const board = await ranking.views.view(tx, PROVINCIAL_BOARD);
    expect(board?.standings.map((s) => s.nominationId)).toEqual([nominationId(2)]);
    expect(board?.ineligible).toEqual([{ nominationId: nominationId(1), nominee: submission(1).nominee, reasons: ['No regulation'] }]);
  });

  it('should hold a score without placing the nomination when its submission has not arrived yet', async () => {
    await sut.execute({ scores: [score(3, { total: 99 })] }, tx);

    expect((await standings()).map(([id]) => id)).not.toContain(nominationId(3));
  });
});
