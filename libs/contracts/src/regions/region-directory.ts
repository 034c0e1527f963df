import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsv } from '../csv';

export const REGION_LEVELS = ['province', 'regency', 'district', 'village'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

export interface Region {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode?: string;
  population?: number;
}

/**
 * The official Kemendagri region codes (see data/README.md for the source and its attribution).
 * Codes nest by prefix: province `15`, regency `15.08`, district `15.05.06`, village `15.05.06.2016`.
 */
export class RegionDirectory {
  private static shared?: RegionDirectory;
  private readonly byCode = new Map<string, Region>();

  constructor(csv: string) {
    for (const [code, name, level, parentCode, population] of parseCsv(csv).slice(1)) {
      this.byCode.set(code, {
        code,
        name,
        level: level as RegionLevel,
        ...(parentCode ? { parentCode } : {}),
        ...(population ? { population: Number(population) } : {}),
      });
    }
  }

  static official(): RegionDirectory {
    RegionDirectory.shared ??= new RegionDirectory(readFileSync(join(__dirname, 'data', 'regions.csv'), 'utf8'));
    return RegionDirectory.shared;
  }

  get(code: string): Region | undefined {
    return this.byCode.get(code);
  }

  provinceOf(code: string): string {
    return code.slice(0, 2);
  }

  isProvince(code: string): boolean {
    return this.byCode.get(code)?.level === 'province';
  }

  /** The display name used in emails and boards, e.g. `Provinsi Jambi`. */
  provinceTitle(code: string): string {
    const name = this.byCode.get(code)?.name ?? code;
    return name.startsWith('Daerah Istimewa') || name.startsWith('DKI') ? name : `Provinsi ${name}`;
  }

  /** Every region, in code order. */
  all(): IterableIterator<Region> {
    return this.byCode.values();
  }

  /** Every region of a level, in code order. */
  list(level: RegionLevel): Region[] {
    return [...this.byCode.values()].filter((r) => r.level === level);
  }

  count(level: RegionLevel): number {
    return this.list(level).length;
  }
}

/** How emails, certificates and the public results name a board's scope: `Provinsi Jambi`, `Nasional`, or the zone's name. */
export function boardScopeName(board: { tier: string; scope: string }, zones: ReadonlyArray<{ code: string; name: string }>): string {
  if (board.tier === 'provincial') return RegionDirectory.official().provinceTitle(board.scope);
  if (board.scope === 'national') return 'Nasional';
  return zones.find((z) => z.code === board.scope)?.name ?? board.scope;
}
