import { RegionDirectory, type EditionDefinition } from '@paritrana/contracts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '@paritrana/infra/repo-root';

export type Scale = 'small' | 'default' | 'national';

/** The 2021 national pool of employers the full pre-screen covers. */
export const NATIONAL_EMPLOYERS = 725_356;

/** What a scale loads: the first `governments` regencies and villages (all when absent), `employers` employers, and how long latency is measured. */
export interface ScaleSettings {
  governments?: number;
  employers: number;
  latencySeconds: number;
}

/** `small` checks the bench end to end in about a minute; its figures are not comparable with the default's. */
export const SCALES: Record<Scale, ScaleSettings> = {
  small: { governments: 10_000, employers: 0, latencySeconds: 10 },
  default: { employers: 0, latencySeconds: 30 },
  national: { employers: NATIONAL_EMPLOYERS, latencySeconds: 30 },
};

/** BENCH_SCALE: unset or empty for the default scale. */
export function scaleOf(value: string | undefined): Scale {
  const scale = value || 'default';
  if (!Object.hasOwn(SCALES, scale)) throw new Error(`BENCH_SCALE must be small, national or unset, not ${scale}`);
  return scale as Scale;
}

/** The load phase's nominations of `edition` at `scale`: regencies, then villages, then employers. */
export function loadNominations(edition: string, scale: Scale): Nomination[] {
  const { governments, employers } = SCALES[scale];
  return [...governmentNominations(edition).slice(0, governments), ...employerNominations(edition, employers)];
}

const DAY_MS = 86_400_000;

/**
 * The demo edition's village and regency categories (and, at national scale, its employer ones) under
 * a fresh code, with the panel criteria left out: every score is final as soon as it is calculated, so
 * "ranked" means standing final on a ranking.updated, with no assessor in the loop.
 */
export function benchEdition(code: string, scale: Scale, now = Date.now()): EditionDefinition {
  const demo = JSON.parse(readFileSync(join(repoRoot(), 'deploy', 'demo', 'edition-2024.json'), 'utf8')) as EditionDefinition;
  const window = { submissionsOpen: new Date(now - DAY_MS).toISOString(), submissionsClose: new Date(now + 30 * DAY_MS).toISOString() };
  const categories = demo.categories
    .filter((c) => c.nomineeKind === 'village' || c.nomineeKind === 'regency' || (scale === 'national' && c.nomineeKind === 'employer'))
    .map((category) => ({
      ...category,
      rubrics: Object.fromEntries(
        Object.entries(category.rubrics).map(([tier, rubric]) => {
          const criteria = rubric.criteria.filter((c) => !('panel' in c.value));
          const kept = new Set(criteria.map((c) => c.code));
          return [tier, { ...rubric, criteria, tieBreak: rubric.tieBreak.filter((t) => kept.has(t)) }];
        }),
      ),
    }));
  return {
    ...demo,
    code,
    name: `Benchmark ${code}`,
    schedule: { provincial: window, national: window },
    categories,
  } as EditionDefinition;
}

export type Nomination = Record<string, unknown>;

/** Every regency, then every village, of the official list, as provincial nominations of `edition`. */
export function governmentNominations(edition: string): Nomination[] {
  const regions = RegionDirectory.official();
  const regencies = regions.list('regency').map((r, i) => government(edition, 'regency', r.code, i));
  const villages = regions.list('village').map((v, i) => government(edition, 'village', v.code, i));
  return [...regencies, ...villages];
}

function government(edition: string, kind: 'regency' | 'village', code: string, i: number): Nomination {
  const indicators =
    kind === 'village'
      ? { vulnerable: { coveredByVillageBudget: (i * 7) % 150 }, regulation: { level: i % 3 === 0 ? 'perda' : 'decree' } }
      : regencyIndicators(i);
  return {
    edition,
    tier: 'provincial',
    province: code.slice(0, 2),
    category: kind,
    nominee: { kind, regionCode: code },
    contact: { name: `Sekretariat ${code}`, email: `${kind}.${code.replaceAll('.', '-')}@example.go.id` },
    indicators,
  };
}

/** Coverage between 30 and 89 %, the previous year a little lower: every part within its whole. */
function regencyIndicators(i: number) {
  const wageEarners = 40_000 + (i % 97) * 500;
  const nonWageEarners = 90_000 + (i % 89) * 700;
  const participants = Math.floor((wageEarners * (30 + (i % 60))) / 100);
  return {
    workforce: { wageEarners, nonWageEarners },
    participants: {
      wageEarners: participants,
      nonWageEarners: Math.floor((nonWageEarners * (10 + (i % 40))) / 100),
      previousYear: Math.floor((participants * (85 + (i % 20))) / 100),
    },
    nonAsn: { workers: 3_000 + (i % 61) * 20, covered: 1_500 + (i % 53) * 20 },
    regulation: { level: ['none', 'decree', 'perda'][i % 3] },
  };
}

/** The demo edition's employer category of each sector; small and micro employers compete in their own. */
const CATEGORY_OF_SECTOR: Record<string, string> = {
  finance: 'employer-finance',
  'trade-services': 'employer-trade-services',
  'mining-manufacturing-construction': 'employer-manufacturing',
  agriculture: 'employer-agriculture',
  education: 'employer-education',
};
const SECTORS = Object.keys(CATEGORY_OF_SECTOR);

/**
 * `count` synthetic employers spread over every regency, sector and size, each in the demo edition's
 * category for it; two in nine fail the pre-screen's eligibility rules (programmes missing).
 */
export function employerNominations(edition: string, count: number): Nomination[] {
  const regencies = RegionDirectory.official().list('regency');
  const nominations: Nomination[] = [];
  for (let i = 0; i < count; i++) {
    const regency = regencies[i % regencies.length].code;
    const npp = String(10_000_000 + i);
    const total = 10 + (i % 490);
    const sector = SECTORS[i % SECTORS.length];
    const size = ['large', 'medium', 'small-micro'][i % 3];
    nominations.push({
      edition,
      tier: 'provincial',
      province: regency.slice(0, 2),
      category: size === 'small-micro' ? 'employer-small-micro' : CATEGORY_OF_SECTOR[sector],
      nominee: { kind: 'employer', name: `PT Sintetis ${npp}`, npp, regionCode: regency, sector, size },
      contact: { name: `HRD ${npp}`, email: `hrd.${npp}@example.co.id` },
      indicators: {
        employees: { total, enrolled: Math.floor(total * (0.5 + (i % 50) / 100)) },
        programs: i % 9 < 2 ? ['JKK', 'JKM'] : ['JKK', 'JKM', 'JHT', 'JP'],
        pds: { workers: false, wages: false, programs: false },
        supplyChain: { vendors: 20 + (i % 30), vendorsEnrolled: 10 + (i % 10) },
        csr: { vulnerableWorkersCovered: i % 200 },
      },
    });
  }
  return nominations;
}
