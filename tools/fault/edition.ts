import { RegionDirectory, type EditionDefinition } from '@paritrana/contracts';
import { openProvincialEdition } from '@paritrana/testing/editions';

export const WINNERS = 3;

/**
 * An edition whose provincial window is open now, with one village category scored from data
 * alone (no panel), so every nomination is final as soon as it is scored and every board can be
 * published without assessments.
 */
export function faultEdition(code: string): EditionDefinition {
  return openProvincialEdition(code, [
    {
      code: 'village',
      name: 'Pemerintah Desa/Kelurahan',
      nomineeKind: 'village',
      tiers: ['provincial'],
      winners: WINNERS,
      advance: 0,
      nationalScope: 'national',
      rubrics: {
        provincial: {
          version: 1,
          minAssessors: 1,
          eligibility: [],
          criteria: [
            {
              code: 'vulnerable',
              name: 'Pekerja rentan dilindungi APBDes',
              weight: 70,
              value: { indicator: 'vulnerable.coveredByVillageBudget' },
              scale: { linear: { min: 0, max: 500 } },
            },
            {
              code: 'regulation',
              name: 'Regulasi desa',
              weight: 30,
              value: { indicator: 'regulation.level' },
              scale: { map: { none: 0, decree: 60, perda: 100 } },
            },
          ],
          tieBreak: ['vulnerable'],
        },
      },
    },
  ]);
}

export interface Nominee {
  regionCode: string;
  province: string;
  email: string;
  body: Record<string, unknown>;
}

/** `count` distinct villages, taken in turn from every province so that every board gets some. */
export function villageNominees(edition: string, count: number): Nominee[] {
  const byProvince = new Map<string, string[]>();
  for (const village of RegionDirectory.official().list('village')) {
    const province = village.code.slice(0, 2);
    const queue = byProvince.get(province) ?? [];
    queue.push(village.code);
    byProvince.set(province, queue);
  }
  const queues = [...byProvince.values()];
  const codes: string[] = [];
  for (let i = 0; codes.length < count; i++) {
    const before = codes.length;
    for (const queue of queues) if (i < queue.length && codes.length < count) codes.push(queue[i]);
    if (codes.length === before) throw new Error(`Only ${codes.length} villages are available`);
  }
  return codes.map((code, i) => nominee(edition, code, i));
}

function nominee(edition: string, regionCode: string, i: number): Nominee {
  const province = regionCode.slice(0, 2);
  const email = `desa-${regionCode.replaceAll('.', '-')}@fault.example.go.id`;
  return {
    regionCode,
    province,
    email,
    body: {
      edition,
      tier: 'provincial',
      province,
      category: 'village',
      nominee: { kind: 'village', regionCode },
      contact: { name: `Kepala Desa ${regionCode}`, email },
      indicators: { vulnerable: { coveredByVillageBudget: (i * 37) % 500 }, regulation: { level: ['none', 'decree', 'perda'][i % 3] } },
    },
  };
}

export const boardOf = (edition: string, province: string) => `${edition}:provincial:${province}:village`;
