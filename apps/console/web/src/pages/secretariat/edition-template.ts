/**
 * A new edition started from an existing one: the next award year, its code, name and years moved
 * on by one, its windows a year later; categories, zones and rubrics kept as they were.
 */
export function nextEditionFrom(edition: {
  code: string;
  name: string;
  assessmentYear: number;
  awardYear: number;
  schedule: Record<string, { submissionsOpen: string; submissionsClose: string } | undefined>;
}): Record<string, unknown> {
  const awardYear = edition.awardYear + 1;
  const code = /^\d{4}$/.test(edition.code) ? String(Number(edition.code) + 1) : `${edition.code}-${awardYear}`.slice(0, 20);
  const name = edition.name.includes(String(edition.awardYear))
    ? edition.name.replaceAll(String(edition.awardYear), String(awardYear))
    : `${edition.name} ${awardYear}`;
  const laterByAYear = (iso: string) => {
    const date = new Date(iso);
    if (Number.isNaN(date.getTime())) return iso;
    date.setUTCFullYear(date.getUTCFullYear() + 1);
    return date.toISOString();
  };
  const schedule = Object.fromEntries(
    Object.entries(edition.schedule)
      .filter(([, window]) => window)
      .map(([tier, window]) => [
        tier,
        { submissionsOpen: laterByAYear(window!.submissionsOpen), submissionsClose: laterByAYear(window!.submissionsClose) },
      ]),
  );
  return { ...edition, code, name, assessmentYear: edition.assessmentYear + 1, awardYear, schedule };
}
