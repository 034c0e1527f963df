import { Injectable } from '@nestjs/common';
import {
  canReadNomination,
  coversProvince,
  findCategory,
  NATIONAL_ROLES,
  parseBoardId,
  type BoardKey,
  type Principal,
} from '@paritrana/contracts';
import { DomainError, isUuid, nominationOutOfScope, Transactions, type Tx } from '@paritrana/platform';
import { AssessmentStore } from '../assessments/assessment-store';
import { EditionStore } from '../editions/edition-store';
import { assessmentProgress, type AssessmentProgress } from './assessment-progress';
import type { ScoreExplanationResponse } from './score.response';
import { scoresCsv } from './scores-csv';
import { ScoreStore } from './score-store';

/** Reads of scores, within the reader's scope: one nomination's explained score, a board's scores as CSV. */
@Injectable()
export class ScoresQuery {
  constructor(
    private readonly transactions: Transactions,
    private readonly scores: ScoreStore,
    private readonly assessments: AssessmentStore,
    private readonly editions: EditionStore,
  ) {}

  /** Criterion by criterion; the national roles also see each assessor's scores, superseded ones included. */
  explain(nominationId: string, reader: Principal): Promise<ScoreExplanationResponse> {
    return this.transactions.read(async (tx) => {
      const score = isUuid(nominationId) ? await this.scores.nomination(tx, nominationId) : undefined;
      if (!score || score.rubricVersion === 0) throw DomainError.notFound('SCORE_NOT_FOUND', `No score for nomination ${nominationId} yet`);
      if (!canReadNomination(reader, score)) throw nominationOutOfScope(score);
      const { status, total, rubricVersion, criteria, reasons, calculatedAt } = score;
      const explained = { nominationId, status, total, rubricVersion, criteria, reasons, calculatedAt };
      if (!NATIONAL_ROLES.has(reader.role)) return explained;
      const history = await this.assessments.history(tx, [nominationId]);
      return { ...explained, assessments: history.map(({ nominationId: _n, ...a }) => ({ ...a, current: a.supersededAt === null })) };
    });
  }

  /** A board's scores with every current assessor's scores, as CSV. */
  async exportCsv(boardId: string | undefined, reader: Principal): Promise<string> {
    const key = boardKey(boardId);
    return this.transactions.read(async (tx) => {
      const provinces = await this.provincesOf(tx, key, reader);
      const nominations = await this.scores.byProvinces(tx, key.edition, key.tier, key.category, provinces);
      const assessments = await this.assessments.current(
        tx,
        nominations.map((n) => n.nominationId),
      );
      return scoresCsv(nominations, assessments);
    });
  }

  /** How far the panel of a board is, round by round, against the rubric's minAssessors. */
  async progress(boardId: string | undefined, reader: Principal): Promise<AssessmentProgress & { boardId: string }> {
    const key = boardKey(boardId);
    return this.transactions.read(async (tx) => {
      const provinces = await this.provincesOf(tx, key, reader);
      const edition = await this.editions.find(tx, key.edition);
      const rubric = edition && findCategory(edition, key.category)?.rubrics[key.tier];
      if (!rubric) throw DomainError.notFound('BOARD_NOT_FOUND', `No board ${boardId} in scoring`);
      const nominations = (await this.scores.byProvinces(tx, key.edition, key.tier, key.category, provinces))
        .filter((n) => n.status !== 'ineligible')
        .map((n) => n.nominationId);
      const assessments = await this.assessments.current(tx, nominations);
      return { boardId: boardId!, ...assessmentProgress(rubric, nominations, assessments) };
    });
  }

  /** The provinces a board covers (undefined: all of them), refusing a board outside the reader's scope. */
  private async provincesOf(tx: Tx, key: BoardKey, reader: Principal): Promise<string[] | undefined> {
    if (key.tier === 'provincial') {
      if (!coversProvince(reader, key.scope))
        throw DomainError.forbidden('PROVINCE_OUT_OF_SCOPE', `Your token does not cover province ${key.scope}`);
      return [key.scope];
    }
    if (!NATIONAL_ROLES.has(reader.role) && (reader.provinces ?? []).length > 0)
      throw DomainError.forbidden('BOARD_OUT_OF_SCOPE', 'Only the national committee exports national boards');
    if (key.scope === 'national') return undefined;
    const edition = await this.editions.find(tx, key.edition);
    if (!edition) throw DomainError.notFound('EDITION_NOT_FOUND', `No edition ${key.edition} in scoring`);
    return edition.zones.find((z) => z.code === key.scope)?.provinces ?? [];
  }
}

function boardKey(boardId: string | undefined): BoardKey {
  const key = boardId ? parseBoardId(boardId) : undefined;
  if (!key)
    throw DomainError.invalid('BOARD_ID_INVALID', 'Give a board: ?boardId=2024:provincial:15:regency', [
      { path: 'boardId', message: 'must be edition:tier:scope:category' },
    ]);
  return key;
}
