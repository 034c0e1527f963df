import type { Nominee, NomineeKind, RegionDirectory, RegionLevel } from '@paritrana/contracts';
import type { FieldError } from '@paritrana/platform';
import type { NomineeDto } from './nomination.dto';

const LEVEL_OF_KIND: Record<NomineeKind, RegionLevel> = {
  province: 'province',
  regency: 'regency',
  village: 'village',
  employer: 'regency',
};

const article = (word: string) => (/^[aeiou]/.test(word) ? 'an' : 'a');

export type NomineeResolution = { nominee: Nominee; key: string; errors: [] } | { errors: FieldError[] };

/** Checks a nominee against the official regions and names government nominees from that list. */
export function resolveNominee(dto: NomineeDto, province: string, regions: RegionDirectory): NomineeResolution {
  const errors: FieldError[] = [];
  const region = regions.get(dto.regionCode);
  const level = LEVEL_OF_KIND[dto.kind];
  if (!region)
    errors.push({
      path: 'nominee.regionCode',
      message: `${dto.regionCode} is not an official region code`,
      code: 'regionUnknown',
      params: { regionCode: dto.regionCode },
    });
  else if (region.level !== level)
    errors.push({
      path: 'nominee.regionCode',
      message: `${dto.regionCode} is a ${region.level}, ${article(dto.kind)} ${dto.kind} nominee needs a ${level} code`,
      code: 'regionLevel',
      params: { regionCode: dto.regionCode, level: region.level, needed: level },
    });
  else if (regions.provinceOf(region.code) !== province) {
    errors.push({
      path: 'nominee.regionCode',
      message: `${region.name} (${region.code}) is not in province ${province}`,
      code: 'regionOutsideProvince',
      params: { region: region.name, province },
    });
  }
  if (dto.kind === 'employer') {
    for (const field of ['name', 'npp', 'sector', 'size'] as const) {
      if (!dto[field]) errors.push({ path: `nominee.${field}`, message: `an employer nominee needs ${field}`, code: 'required' });
    }
  } else {
    for (const field of ['name', 'npp', 'sector', 'size'] as const) {
      if (dto[field] !== undefined)
        errors.push({ path: `nominee.${field}`, message: `is not a field of a ${dto.kind} nominee`, code: 'unknownField' });
    }
  }
  if (errors.length > 0 || !region) return { errors };
  if (dto.kind === 'employer') {
    const { kind, regionCode, name, npp, sector, size } = dto as Required<NomineeDto>;
    return { nominee: { kind, regionCode, name, npp, sector, size }, key: `npp:${npp}`, errors: [] };
  }
  return { nominee: { kind: dto.kind, regionCode: region.code, name: region.name }, key: region.code, errors: [] };
}
