import { findCategory, parseCsv, type EditionDefinition, type Tier } from '@paritrana/contracts';

/** One assessor's scores for one nominee and round, as `deploy/demo/assessments-2024.csv` gives them. */
export interface DemoAssessment {
  /** Its row in the file, counting the header as row 1. */
  row: number;
  edition: string;
  tier: string;
  province: string;
  category: string;
  /** The nominee as intake keys it: the region code of a government, the NPP of an employer. */
  nominee: string;
  round: string;
  scores: Record<string, number>;
  comment?: string;
}

/** What the loader needs of a stored nomination to find the one a demo assessment is for. */
export interface NominationRef {
  id: string;
  edition: string;
  tier: string;
  province: string;
  category: string;
  status: string;
  nominee: { regionCode: string; npp?: string };
}

/** An assessment as scoring's score explanation lists it for the secretariat and admin. */
export interface RecordedAssessment {
  assessor: string;
  round: string;
  current: boolean;
}

export type MatchedAssessment = DemoAssessment & { nominationId: string };

const COLUMNS = ['edition', 'tier', 'province', 'category', 'nominee', 'round'] as const;

/**
 * Reads the demo assessments: one row per nominee and round, a `scores.<criterion>` column per
 * panel criterion (empty where the round has no such criterion) and an optional comment.
 * Throws naming every bad cell by row, so a broken file fails `make start` at once.
 */
export function readDemoAssessments(csv: string): DemoAssessment[] {
  const [header = [], ...records] = parseCsv(csv).filter((cells) => cells.some((cell) => cell.trim() !== ''));
  const missing = COLUMNS.filter((column) => !header.includes(column));
  if (missing.length > 0) throw new Error(`The demo assessments lack the column(s) ${missing.join(', ')}`);
  const problems: string[] = [];
  const assessments = records.map((cells, i): DemoAssessment => {
    const row = i + 2;
    const cell = (column: string) => (cells[header.indexOf(column)] ?? '').trim();
    const scores: Record<string, number> = {};
    header.forEach((column, c) => {
      const raw = (cells[c] ?? '').trim();
      if (!column.startsWith('scores.') || raw === '') return;
      const value = Number(raw);
      if (Number.isFinite(value)) scores[column.slice('scores.'.length)] = value;
      else problems.push(`row ${row}: ${column} "${raw}" is not a number`);
    });
    for (const column of COLUMNS) if (cell(column) === '') problems.push(`row ${row}: ${column} is empty`);
    if (Object.keys(scores).length === 0) problems.push(`row ${row}: no score`);
    const comment = header.includes('comment') ? cell('comment') : '';
    return {
      row,
      edition: cell('edition'),
      tier: cell('tier'),
      province: cell('province'),
      category: cell('category'),
      nominee: cell('nominee'),
      round: cell('round'),
      scores,
      ...(comment ? { comment } : {}),
    };
  });
  if (problems.length > 0) throw new Error(`The demo assessments have bad cells: ${problems.join('; ')}`);
  return assessments;
}

/** The nominee key intake refuses duplicates by: the NPP of an employer, else the region code. */
export const nomineeKey = (nomination: NominationRef): string => nomination.nominee.npp ?? nomination.nominee.regionCode;

const boardKey = (n: { edition: string; tier: string; province: string; category: string }) =>
  `${n.edition}:${n.tier}:${n.province}:${n.category}`;

/**
 * Pairs each demo assessment with the stored nomination of its board and nominee. Those of a
 * nomination withdrawn since (say, by someone trying the console) are set aside; those of no
 * nomination at all are unmatched.
 */
export function matchAssessments(
  assessments: DemoAssessment[],
  nominations: NominationRef[],
): { matched: MatchedAssessment[]; withdrawn: DemoAssessment[]; unmatched: DemoAssessment[] } {
  const byKey = new Map(nominations.map((n) => [`${boardKey(n)}:${nomineeKey(n)}`, n]));
  const matched: MatchedAssessment[] = [];
  const withdrawn: DemoAssessment[] = [];
  const unmatched: DemoAssessment[] = [];
  for (const assessment of assessments) {
    const nomination = byKey.get(`${boardKey(assessment)}:${assessment.nominee}`);
    if (!nomination) unmatched.push(assessment);
    else if (nomination.status === 'withdrawn') withdrawn.push(assessment);
    else matched.push({ ...assessment, nominationId: nomination.id });
  }
  return { matched, withdrawn, unmatched };
}

/**
 * The matched assessments still to enter: those whose nomination has no current assessment of that
 * round by the assessor. What the assessor already entered (the demo's, or their own since) stays.
 */
export function pendingAssessments(
  matched: MatchedAssessment[],
  recorded: ReadonlyMap<string, RecordedAssessment[]>,
  assessor: string,
): MatchedAssessment[] {
  return matched.filter(
    (a) => !(recorded.get(a.nominationId) ?? []).some((r) => r.current && r.assessor === assessor && r.round === a.round),
  );
}

/**
 * The rounds of the demo assessments that the stored edition's rubrics have no panel criterion for:
 * an edition defined by an earlier demo, which cannot take these scores.
 */
export function roundsOutsideRubrics(assessments: DemoAssessment[], edition: EditionDefinition): string[] {
  const missing = new Set<string>();
  for (const a of assessments) {
    const rubric = findCategory(edition, a.category)?.rubrics[a.tier as Tier];
    if (!rubric?.criteria.some((c) => 'panel' in c.value && c.value.panel === a.round)) missing.add(`${a.category} ${a.round}`);
  }
  return [...missing];
}
