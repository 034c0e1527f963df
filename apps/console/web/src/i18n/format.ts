/**
 * Numbers, money, percentages and dates the way Indonesian documents write them
 * ("12 September 2024", "41,61 %", "Rp 2.067.337.453"), or in English when that is chosen.
 */
export type Language = 'id' | 'en';

const locale = (language: Language) => (language === 'id' ? 'id-ID' : 'en-GB');
const JAKARTA = 'Asia/Jakarta';

export function formatNumber(value: number, language: Language, fractionDigits = 0): string {
  return new Intl.NumberFormat(locale(language), {
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  }).format(value);
}

/** A share given as a fraction (0.4161) written as a percentage with a space before the sign: "41,61 %". */
export function formatPercent(fraction: number, language: Language, fractionDigits = 2): string {
  return `${formatNumber(fraction * 100, language, fractionDigits)} %`;
}

export function formatRupiah(amount: number, language: Language): string {
  return `Rp ${formatNumber(amount, language, 0)}`;
}

/** A score out of 100, to two decimals: "87,25". */
export function formatScore(score: number, language: Language): string {
  return formatNumber(score, language, 2);
}

/** A calendar date in Western Indonesia Time: "12 September 2024". */
export function formatDate(iso: string | Date, language: Language): string {
  return new Intl.DateTimeFormat(locale(language), { day: 'numeric', month: 'long', year: 'numeric', timeZone: JAKARTA }).format(
    new Date(iso),
  );
}

/** A moment in Western Indonesia Time: "12 September 2024 14.05 WIB". */
export function formatDateTime(iso: string | Date, language: Language): string {
  const date = new Date(iso);
  const time = new Intl.DateTimeFormat(locale(language), { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: JAKARTA })
    .format(date)
    .replace(':', language === 'id' ? '.' : ':');
  return `${formatDate(date, language)} ${time} WIB`;
}

/** A table page's place in its list ("1–50 dari 8.000"), each figure in the language's form, for the pagination sentence. */
export function pageRange(range: { from: number; to: number; totalRecords: number }, language: Language) {
  return {
    from: formatNumber(range.from, language),
    to: formatNumber(range.to, language),
    total: formatNumber(range.totalRecords, language),
  };
}
