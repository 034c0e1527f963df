import { Injectable } from '@nestjs/common';
import { RegionDirectory, type Region, type RegionLevel } from '@paritrana/contracts';
import type { RegionsResponse } from './regions.response';

export interface SearchRegionsQueryCommand {
  province?: string;
  level?: RegionLevel;
  q?: string;
  limit: number;
}

/** Official regions by province, level and a part of their name (or the start of their code), in code order. */
@Injectable()
export class SearchRegionsUseCase {
  constructor(private readonly regions: RegionDirectory) {}

  execute({ province, level, q, limit }: SearchRegionsQueryCommand): RegionsResponse {
    const words = normalise(q ?? '')
      .split(' ')
      .filter(Boolean);
    const code = q?.trim() ?? '';
    const found: Region[] = [];
    for (const region of this.regions.all()) {
      if (province && !region.code.startsWith(province)) continue;
      if (level && region.level !== level) continue;
      const name = normalise(region.name);
      if (words.length > 0 && !region.code.startsWith(code) && !words.every((w) => name.includes(w))) continue;
      found.push(region);
      if (found.length === limit) break;
    }
    return { regions: found.map(({ code, name, level, parentCode }) => ({ code, name, level, ...(parentCode ? { parentCode } : {}) })) };
  }
}

const normalise = (text: string) =>
  text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9. ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
