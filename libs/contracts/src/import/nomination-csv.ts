import { parseCsv } from '../csv';
import { BPJS_PROGRAMS, EMPLOYER_COUNT_INDICATORS, GOVERNMENT_COUNT_INDICATORS } from '../edition/indicator-paths';

/** A cell that cannot become its field: the column, what is wrong, and the rule's code and figures (as the services' 422 give them). */
export interface CellProblem {
  path: string;
  message: string;
  code: 'csvCount' | 'csvBoolean' | 'csvPrograms';
  params: { value: string };
}

/** A nomination body built from one CSV row, or why the row cannot become one. */
export type CsvRow = { row: number; body: Record<string, unknown> } | { row: number; errors: CellProblem[] };

type Refusal = Omit<CellProblem, 'path'>;
const refusal = (code: CellProblem['code'], raw: string, message: string): Refusal => ({ code, message, params: { value: raw } });
const isRefusal = (value: unknown): value is Refusal =>
  typeof value === 'object' && value !== null && 'code' in value && typeof (value as Refusal).code === 'string' && 'params' in value;

const COUNTS = new Set<string>([...GOVERNMENT_COUNT_INDICATORS, ...EMPLOYER_COUNT_INDICATORS]);
const BOOLEANS = new Set(['pds.workers', 'pds.wages', 'pds.programs']);
const REQUIRED = ['edition', 'tier', 'province', 'category', 'nominee.kind', 'nominee.regionCode', 'contact.name', 'contact.email'];

/**
 * Reads the import CSV (see docs/import-template.csv): one nomination per row, columns named by
 * the JSON path of the field (`nominee.regionCode`, `indicators.workforce.wageEarners`, …).
 * Row numbers count the header as row 1, as a spreadsheet shows them.
 */
export function rowsFromCsv(text: string): { header: string[]; rows: CsvRow[] } {
  const [header = [], ...records] = parseCsv(text);
  const missing = REQUIRED.filter((column) => !header.includes(column));
  if (missing.length > 0) throw new Error(`The CSV lacks the column(s) ${missing.join(', ')}; start from docs/import-template.csv`);
  const rows = records.map((cells, i): CsvRow => {
    const row = i + 2;
    const errors: CellProblem[] = [];
    const body: Record<string, unknown> = {};
    header.forEach((column, c) => {
      const raw = (cells[c] ?? '').trim();
      if (raw === '') return;
      const value = convert(column, raw);
      if (isRefusal(value)) errors.push({ path: column, ...value });
      else setPath(body, column, value);
    });
    return errors.length > 0 ? { row, errors } : { row, body };
  });
  return { header, rows };
}

function convert(column: string, raw: string): unknown {
  if (!column.startsWith('indicators.')) return raw;
  const indicator = column.slice('indicators.'.length);
  if (COUNTS.has(indicator)) {
    const n = Number(raw.replace(/[._\s](?=\d{3}\b)/g, ''));
    return Number.isSafeInteger(n) && n >= 0 ? n : refusal('csvCount', raw, `"${raw}" is not a whole number`);
  }
  if (BOOLEANS.has(indicator)) {
    if (/^(true|ya|yes|1)$/i.test(raw)) return true;
    if (/^(false|tidak|no|0)$/i.test(raw)) return false;
    return refusal('csvBoolean', raw, `"${raw}" is not true/false`);
  }
  if (indicator === 'programs') {
    const programs = raw.split(/[|;\s]+/).filter(Boolean);
    const unknown = programs.filter((p) => !(BPJS_PROGRAMS as readonly string[]).includes(p));
    return unknown.length > 0
      ? refusal('csvPrograms', unknown.join(', '), `unknown program(s) ${unknown.join(', ')}; use ${BPJS_PROGRAMS.join('|')}`)
      : programs;
  }
  return raw;
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) {
    node[key] ??= {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys[keys.length - 1]] = value;
}
