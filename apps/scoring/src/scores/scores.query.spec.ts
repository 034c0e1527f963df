import type { DomainError } from '@paritrana/platform';
import { ids, principals, regencyEdition, regencyNomination, scoringTestKit } from '../testing/scoring-test-kit';
import { RecordAssessmentUseCase } from '../assessments/record-assessment.use-case';
import { ScoresQuery } from './scores.query';

describe('ScoresQuery', () => {
  const setup = async () => {
    const kit = scoringTestKit();
    await kit.editions.save(kit.tx, regencyEdition('2024', { panel: false }));
    const stored = await kit.scores.upsertNominations(kit.tx, [
      regencyNomination(ids.a, '2024', 500),
      regencyNomination(ids.b, '2024', 900),
    ]);
    await kit.rescore.execute(
      stored.map((nomination) => ({ nomination })),
      kit.tx,
    );
    return { ...kit, sut: new ScoresQuery(kit.transactions, kit.scores, kit.assessments, kit.editions) };
  };
  const refusal = (promise: Promise<unknown>) =>
    promise.then(
      () => undefined,
      (e: DomainError) => ({ code: e.code, kind: e.kind }),
    );

  describe('explain', () => {
    it('should explain the score without the assessors’ scores when the reader is provincial', async () => {
      const { sut } = await setup();

      const explained = await sut.explain(ids.a, principals.chairJambi);

      expect(explained).toMatchObject({ nominationId: ids.a, status: 'final', total: 70, rubricVersion: 1 });
      expect(explained).not.toHaveProperty('assessments');
    });

    it('should add the assessment history when the reader is national', async () => {
      const { sut } = await setup();

      expect(await sut.explain(ids.a, principals.secretariat)).toMatchObject({ assessments: [] });
    });

    it.each([
      ['SCORE_NOT_FOUND', 'not-found', 'the id is not a UUID', 'not-a-uuid', principals.secretariat],
      ['SCORE_NOT_FOUND', 'not-found', 'the nomination is not scored', ids.c, principals.secretariat],
      ['NOMINATION_OUT_OF_SCOPE', 'forbidden', 'the token does not cover its province', ids.a, principals.assessorAceh],
    ])('should refuse with %s (%s) when %s', async (code, kind, _case, nominationId, reader) => {
      const { sut } = await setup();

      expect(await refusal(sut.explain(nominationId, reader))).toEqual({ code, kind });
    });
  });

  describe('exportCsv', () => {
    it('should list the board’s nominations best first when the reader covers the province', async () => {
      const { sut } = await setup();

      const csv = await sut.exportCsv('2024:provincial:15:regency', principals.chairJambi);

      const rows = csv.trim().split('\n');
      expect(rows).toHaveLength(3);
      expect(rows[1].startsWith(ids.b)).toBe(true);
      expect(rows[2].startsWith(ids.a)).toBe(true);
    });

    it('should take a zone’s provinces when the board is a zone’s', async () => {
      const { sut } = await setup();

      const csv = await sut.exportCsv('2024:national:sumatera:regency', principals.secretariat);

      expect(csv.trim().split('\n')).toHaveLength(1);
    });

    it.each([
      ['BOARD_ID_INVALID', 'invalid', 'the board id is missing', undefined, principals.secretariat],
      ['BOARD_ID_INVALID', 'invalid', 'the board id is malformed', '2024:regional:15', principals.secretariat],
      [
        'PROVINCE_OUT_OF_SCOPE',
        'forbidden',
        'the token does not cover the province',
        '2024:provincial:15:regency',
        principals.assessorAceh,
      ],
      [
        'BOARD_OUT_OF_SCOPE',
        'forbidden',
        'a provincial token asks for a national board',
        '2024:national:national:regency',
        principals.chairJambi,
      ],
      ['EDITION_NOT_FOUND', 'not-found', 'a zone board’s edition is unknown', '2099:national:sumatera:regency', principals.secretariat],
    ])('should refuse with %s (%s) when %s', async (code, kind, _case, boardId, reader) => {
      const { sut } = await setup();

      expect(await refusal(sut.exportCsv(boardId, reader))).toEqual({ code, kind });
    });
  });

  describe('progress', () => {
    it('should count the nominations the panel assessed by minAssessors when the reader covers the province', async () => {
      const kit = scoringTestKit();
      await kit.editions.save(kit.tx, regencyEdition('2024', { minAssessors: 2 }));
      await kit.scores.upsertNominations(kit.tx, [regencyNomination(ids.a, '2024'), regencyNomination(ids.b, '2024')]);
      const record = new RecordAssessmentUseCase(kit.transactions, kit.scores, kit.assessments, kit.editions, kit.rescore, kit.audit);
      for (const by of [principals.assessorJambi, principals.assessorJambi2])
        await record.execute({ nominationId: ids.a, round: 'interview', scores: { interview: 80 }, by });
      await record.execute({ nominationId: ids.b, round: 'interview', scores: { interview: 70 }, by: principals.assessorJambi });
      const sut = new ScoresQuery(kit.transactions, kit.scores, kit.assessments, kit.editions);

      expect(await sut.progress('2024:provincial:15:regency', principals.chairJambi)).toEqual({
        boardId: '2024:provincial:15:regency',
        minAssessors: 2,
        nominations: 2,
        rounds: [{ round: 'interview', assessed: 1, assessments: 3 }],
      });
    });

    it.each([
      ['BOARD_ID_INVALID', 'invalid', 'the board id is missing', undefined, principals.chairJambi],
      [
        'PROVINCE_OUT_OF_SCOPE',
        'forbidden',
        'the token does not cover the province',
        '2024:provincial:15:regency',
        principals.assessorAceh,
      ],
      ['BOARD_NOT_FOUND', 'not-found', 'the category is unknown', '2024:provincial:15:ghost', principals.chairJambi],
    ])('should refuse with %s (%s) when %s', async (code, kind, _case, boardId, reader) => {
      const { sut } = await setup();

      expect(await refusal(sut.progress(boardId, reader))).toEqual({ code, kind });
    });
  });
});
