import { findCategory, RegionDirectory, type EditionDefinition, type Indicators, type Nominee } from '@paritrana/contracts';
import { repoRoot } from '@paritrana/infra/repo-root';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rankEntries, type Entry } from '../../apps/ranking/src/boards/standings';
import { scoreAgainstRubric, type PanelScores } from '../../apps/scoring/src/rubric/rubric-engine';
import { rowsFromCsv } from '@paritrana/contracts';
import { readDemoAssessments } from './demo-assessments';
import { JAMBI_2024_RESULTS } from './demo-results';

interface Body {
  edition: string;
  tier: 'provincial';
  province: string;
  category: string;
  nominee: Omit<Nominee, 'name'> & { name?: string };
  indicators: Indicators & Record<string, Record<string, number>>;
}

const file = (name: string) => readFileSync(join(repoRoot(), 'deploy', 'demo', name), 'utf8');
const edition = JSON.parse(file('edition-2024.json')) as EditionDefinition;
const nominations = rowsFromCsv(file('nominations-2024.csv')).rows.map((r) => {
  if (!('body' in r)) throw new Error(`row ${r.row}: ${r.errors.join('; ')}`);
  return r.body as unknown as Body;
});
const assessments = readDemoAssessments(file('assessments-2024.csv'));
const regions = RegionDirectory.official();
const keyOf = (n: Body) => n.nominee.npp ?? n.nominee.regionCode;

/** The demo files scored with the rubric engine and ranked as the ranking service ranks a board. */
function board(province: string, category: string) {
  const rubric = findCategory(edition, category)!.rubrics.provincial!;
  const entries = nominations
    .filter((n) => n.province === province && n.category === category)
    .map((n, i): Entry => {
      const panel: PanelScores = {};
      for (const a of assessments.filter((a) => a.province === province && a.category === category && a.nominee === keyOf(n))) {
        for (const [criterion, score] of Object.entries(a.scores)) ((panel[a.round] ??= {})[criterion] ??= []).push(score);
      }
      const score = scoreAgainstRubric(rubric, n.indicators, panel);
      return {
        nominationId: String(i).padStart(4, '0'),
        nominee: { ...n.nominee, name: n.nominee.name ?? regions.get(n.nominee.regionCode)!.name },
        submittedAt: '2025-06-01T00:00:00Z',
        total: score.total,
        status: score.status,
        subScores: Object.fromEntries(score.criteria.map((c) => [c.code, c.subScore])),
        reasons: score.reasons,
      };
    });
  return rankEntries(entries, rubric.tieBreak, findCategory(edition, category)!.winners);
}

const sum = (rows: Body[], group: string, field: string) => rows.reduce((total, n) => total + n.indicators[group][field], 0);

describe('the demo data (deploy/demo)', () => {
  it.each(Object.entries(JAMBI_2024_RESULTS))(
    'should rank Jambi’s %s board as the 2024 awards did, every standing final',
    (category, winners) => {
      const { standings } = board('15', category);

      expect(standings.slice(0, winners.length).map((s) => [s.title, s.nominee.name])).toEqual(
        winners.map((name, i) => [['Terbaik I', 'Terbaik II', 'Terbaik III'][i], name]),
      );
      expect(standings.length).toBeGreaterThanOrEqual(4);
      expect(standings.every((s) => s.status === 'final')).toBe(true);
    },
  );

  it('should nominate every regency of Jambi and Sumatera Selatan, the latter left for its own assessors', () => {
    for (const province of ['15', '16']) {
      const official = regions.list('regency').filter((r) => r.parentCode === province);
      expect(
        board(province, 'regency')
          .standings.map((s) => s.nominee.regionCode)
          .sort(),
      ).toEqual(official.map((r) => r.code));
    }
    expect(board('16', 'regency').standings.every((s) => s.status === 'provisional')).toBe(true);
  });

  it('should list the employer that registers only part of its wages as ineligible, with its reason', () => {
    expect(board('15', 'employer-trade-services').ineligible.map((i) => [i.nominee.name, i.reasons.length])).toEqual([
      ['PT Distribusi Merangin Lestari', 1],
    ]);
  });

  it('should add up to the provinces’ coverage the news reports give, as the README says', () => {
    const regencies = (province: string) => nominations.filter((n) => n.province === province && n.category === 'regency');
    const jambi = regencies('15');
    const sumsel = regencies('16');
    const workforce = (rows: Body[]) => sum(rows, 'workforce', 'wageEarners') + sum(rows, 'workforce', 'nonWageEarners');
    const covered = (rows: Body[]) => sum(rows, 'participants', 'wageEarners') + sum(rows, 'participants', 'nonWageEarners');

    expect([covered(jambi), workforce(jambi)]).toEqual([568_373, 1_312_336]);
    expect((100 * sum(jambi, 'participants', 'wageEarners')) / sum(jambi, 'workforce', 'wageEarners')).toBeCloseTo(52.55, 2);
    expect((100 * sum(jambi, 'participants', 'nonWageEarners')) / sum(jambi, 'workforce', 'nonWageEarners')).toBeCloseTo(24.18, 2);
    expect(workforce(sumsel)).toBe(2_800_000);
    expect((100 * covered(sumsel)) / workforce(sumsel)).toBeCloseTo(33.59, 2);
  });
});
