import type { Principal, Rubric, Tier } from '@paritrana/contracts';

/** The nominations an assessor scores: provincial assessors their provinces' provincial round; the national jury (no provinces) the national round. */
export function panelOf(by: Principal): { tier: Tier; provinces: string[] | undefined } {
  const provinces = by.provinces ?? [];
  return provinces.length > 0 ? { tier: 'provincial', provinces } : { tier: 'national', provinces: undefined };
}

export function sitsOnPanel(by: Principal, nomination: { tier: Tier; province: string }): boolean {
  const panel = panelOf(by);
  return nomination.tier === panel.tier && (panel.provinces?.includes(nomination.province) ?? true);
}

/** The assessment rounds a rubric asks assessors for (its panel criteria's rounds), in the rubric's order. */
export function panelRounds(rubric: Rubric | undefined): string[] {
  return [...new Set((rubric?.criteria ?? []).flatMap((c) => ('panel' in c.value ? [c.value.panel] : [])))];
}
