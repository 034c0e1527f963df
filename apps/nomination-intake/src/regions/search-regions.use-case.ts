import { Injectable } from '@nestjs/common';
import { RegionDirectory, type Region, type RegionLevel } from '@paritrana/contracts';
import type { RegionResponse, RegionsResponse } from './regions.response';

export interface SearchRegionsQueryCommand {
  province?: string;
  level?: RegionLevel;
  q?: string;
  limit: number;
}

/**
 * Official regions by province, level and a part of their name (or the start of their code): the
 * best matches first — the name as typed, then names starting with it, then holding it, then holding
 * its words in any order — each group in code order; each with the districts and regencies it lies in.
 */
@Injectable()
export class SearchRegionsUseCase {
  constructor(private readonly regions: RegionDirectory) {}

  execute({ province, level, q, limit }: SearchRegionsQueryCommand): RegionsResponse {
    const phrase = normalise(q ?? '');
    const words = phrase.split(' ').filter(Boolean);
    const code = q?.trim() ?? '';
    const found: { region: Region; rank: number }[] = [];
    for (const region of this.regions.all()) {
      if (province && !region.code.startsWith(province)) continue;
      if (level && region.level !== level) continue;
      const rank = words.length === 0 ? 0 : this.rank(region, phrase, words, code);
      if (rank === undefined) continue;
      found.push({ region, rank });
      // Without a query, code order is the only order: stop at the limit.
      if (words.length === 0 && found.length === limit) break;
    }
    found.sort((a, b) => a.rank - b.rank || compareCodes(a.region.code, b.region.code));
    return { regions: found.slice(0, limit).map(({ region }) => this.view(region)) };
  }

  private rank(region: Region, phrase: string, words: string[], code: string): number | undefined {
    if (region.code.startsWith(code)) return 0;
    const name = normalise(region.name);
    if (name === phrase) return 0;
    if (name.startsWith(phrase)) return 1;
    if (name.includes(phrase)) return 2;
    return words.every((w) => name.includes(w)) ? 3 : undefined;
  }

  private view({ code, name, level, parentCode }: Region): RegionResponse {
    const within: string[] = [];
    for (let parent = parentCode && this.regions.get(parentCode); parent && parent.level !== 'province';) {
      within.push(parent.level === 'district' ? `Kecamatan ${parent.name}` : parent.name);
      parent = parent.parentCode ? this.regions.get(parent.parentCode) : undefined;
    }
    return { code, name, level, ...(parentCode ? { parentCode } : {}), ...(within.length > 0 ? { within: within.join(', ') } : {}) };
  }
}

/** Official codes compare part by part ("15.08" before "15.71"). */
const compareCodes = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });

const normalise = (text: string) =>
  text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9. ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
