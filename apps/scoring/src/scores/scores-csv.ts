import { csvCell } from '@paritrana/contracts';
import type { Assessment } from '../assessments/assessment-store';
import type { ScoredNomination } from './score-store';

/**
 * A board's scores as CSV: one row per nomination (best first) with each criterion's value and
 * sub-score, then one column per assessor, round and criterion (`COI` where the assessor declared
 * a conflict of interest); only current assessments.
 */
export function scoresCsv(nominations: ScoredNomination[], assessments: Assessment[]): string {
  const criteria = [...new Set(nominations.flatMap((n) => n.criteria.map((c) => c.code)))];
  const panelColumns = [
    ...new Set(
      assessments.flatMap((a) =>
        a.conflictOfInterest ? [`${a.round}.*.${a.assessor}`] : Object.keys(a.scores).map((c) => `${a.round}.${c}.${a.assessor}`),
      ),
    ),
  ].sort();
  const header = [
    'nomination_id',
    'nominee',
    'region_code',
    'province',
    'status',
    'total',
    'rubric_version',
    ...criteria.flatMap((c) => [`${c}.value`, `${c}.sub_score`, `${c}.contribution`]),
    ...panelColumns,
  ];
  const lines = [header.map(csvCell).join(',')];
  for (const n of nominations) {
    const byCode = new Map(n.criteria.map((c) => [c.code, c]));
    const mine = assessments.filter((a) => a.nominationId === n.nominationId);
    const panel = panelColumns.map((column) => {
      const [round, criterion, assessor] = column.split('.');
      const a = mine.find((x) => x.round === round && x.assessor === assessor);
      if (!a) return '';
      if (a.conflictOfInterest) return 'COI';
      return criterion === '*' ? '' : (a.scores[criterion] ?? '');
    });
    lines.push(
      [
        n.nominationId,
        n.nominee?.name,
        n.nominee?.regionCode,
        n.province,
        n.status,
        n.total,
        n.rubricVersion,
        ...criteria.flatMap((c) => [byCode.get(c)?.value, byCode.get(c)?.subScore, byCode.get(c)?.contribution]),
        ...panel,
      ]
        .map(csvCell)
        .join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}
