import type { DomainError } from '@paritrana/platform';
import { PublishBoardUseCase } from '../boards/publish-board.use-case';
import { RecordScoresUseCase } from '../boards/record-scores.use-case';
import { RecordSubmissionsUseCase } from '../boards/record-submissions.use-case';
import { edition, inMemoryRanking, principal, score, submission, tx } from '../testing/ranking.fixtures';
import { ListResultsUseCase } from './list-results.use-case';

describe('ListResultsUseCase', () => {
  let ranking: ReturnType<typeof inMemoryRanking>;
  let sut: ListResultsUseCase;

  const publish = (boardId: string) =>
    new PublishBoardUseCase(ranking.transactions, ranking.boards, ranking.views, ranking.events, ranking.audit).execute({
      boardId,
      by: principal('secretariat'),
    });

  beforeEach(async () => {
    ranking = inMemoryRanking();
    ranking.editions.editions.set('2023', { ...edition('2023'), awardYear: 2023, assessmentYear: 2022 });
    const submissions = [1, 2, 3, 4].map((n) => submission(n));
    const others = [5, 6].map((n) =>
      submission(n, { province: '16', nominee: { kind: 'regency', name: `Kabupaten ${n}`, regionCode: `16.0${n}` } }),
    );
    const national = submission(7, { tier: 'national' });
    const old = submission(8, { edition: '2023' });
    await new RecordSubmissionsUseCase(ranking.placement, ranking.entries, ranking.boards).execute(
      { submissions: [...submissions, ...others, national, old] },
      tx,
    );
    await new RecordScoresUseCase(ranking.placement, ranking.entries, ranking.boards).execute(
      {
        scores: [
          ...[1, 2, 3, 4].map((n) => score(n, { total: 60 + n })),
          ...[5, 6].map((n) => score(n, { province: '16' })),
          score(7, { tier: 'national', total: 90 }),
          score(8, { edition: '2023' }),
        ],
      },
      tx,
    );
    await publish('2024:provincial:15:regency');
    await publish('2024:national:sumatera:regency');
    await publish('2023:provincial:15:regency');
    sut = new ListResultsUseCase(ranking.transactions, ranking.boards, ranking.editions);
  });

  it('should show the newest edition’s published winners, national and zone boards first, when no edition is asked for', async () => {
    const results = await sut.execute({});

    expect(results.edition).toEqual({ code: '2024', name: 'Paritrana Award 2024', assessmentYear: 2023, awardYear: 2024 });
    expect(results.editions.map((e) => e.code)).toEqual(['2024', '2023']);
    expect(results.boards).toEqual([
      {
        boardId: '2024:national:sumatera:regency',
        tier: 'national',
        scope: 'sumatera',
        scopeName: 'Sumatera',
        category: 'regency',
        categoryName: 'Pemerintah Kabupaten/Kota',
        publishedAt: expect.any(String),
        winners: [{ rank: 1, title: 'Terbaik I', name: 'Kabupaten 7', kind: 'regency', regionCode: '15.07' }],
      },
      {
        boardId: '2024:provincial:15:regency',
        tier: 'provincial',
        scope: '15',
        scopeName: 'Provinsi Jambi',
        category: 'regency',
        categoryName: 'Pemerintah Kabupaten/Kota',
        publishedAt: expect.any(String),
        winners: [
          { rank: 1, title: 'Terbaik I', name: 'Kabupaten 4', kind: 'regency', regionCode: '15.04' },
          { rank: 2, title: 'Terbaik II', name: 'Kabupaten 3', kind: 'regency', regionCode: '15.03' },
          { rank: 3, title: 'Terbaik III', name: 'Kabupaten 2', kind: 'regency', regionCode: '15.02' },
        ],
      },
    ]);
  });

  it('should leave out unpublished boards and every standing without a title', async () => {
    const { boards } = await sut.execute({ edition: '2024' });

    expect(boards.map((b) => b.boardId)).not.toContain('2024:provincial:16:regency');
    expect(boards.flatMap((b) => b.winners.map((w) => w.name))).not.toContain('Kabupaten 1');
  });

  it('should show an older edition when it is asked for', async () => {
    const results = await sut.execute({ edition: '2023' });

    expect(results.edition?.code).toBe('2023');
    expect(results.boards.map((b) => b.boardId)).toEqual(['2023:provincial:15:regency']);
  });

  it('should refuse with RESULTS_NOT_FOUND when nothing of the edition asked for is published', async () => {
    const error = (await sut.execute({ edition: '2099' }).catch((e: unknown) => e)) as DomainError;

    expect(error).toMatchObject({ code: 'RESULTS_NOT_FOUND', kind: 'not-found' });
  });

  it('should answer with no edition and no boards when nothing is published at all', async () => {
    sut = new ListResultsUseCase(inMemoryRanking().transactions, inMemoryRanking().boards, ranking.editions);

    expect(await sut.execute({})).toEqual({ editions: [], boards: [] });
  });
});
