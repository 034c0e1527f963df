import { rowsFromCsv } from '@paritrana/contracts/import/nomination-csv';
import { fieldProblems, type FieldProblem } from '../../api/problem';

/** What became of one CSV row: read, checked by the intake, or imported. */
export interface RowOutcome {
  /** As a spreadsheet numbers it: the header is row 1. */
  row: number;
  state: 'unreadable' | 'ready' | 'acceptable' | 'imported' | 'duplicate' | 'forbidden' | 'invalid';
  id?: string;
  problems: FieldProblem[];
  body?: Record<string, unknown>;
}

/** The batch endpoint takes at most this many nominations per request. */
export const BATCH_SIZE = 1000;

/** Reads the file as the command-line import does (the same parser): each row a nomination body, or the reasons it is not one. */
export function readImportFile(text: string): RowOutcome[] {
  const { rows } = rowsFromCsv(text);
  return rows.map((r) =>
    'body' in r
      ? { row: r.row, state: 'ready', problems: [], body: r.body }
      : {
          row: r.row,
          state: 'unreadable',
          problems: r.errors,
        },
  );
}

/** The rows to send, in batches the intake accepts. */
export function batches(outcomes: RowOutcome[]): RowOutcome[][] {
  const sendable = outcomes.filter((o) => o.body);
  const out: RowOutcome[][] = [];
  for (let i = 0; i < sendable.length; i += BATCH_SIZE) out.push(sendable.slice(i, i + BATCH_SIZE));
  return out;
}

const STATE_OF: Record<number, RowOutcome['state']> = {
  200: 'acceptable',
  201: 'imported',
  403: 'forbidden',
  409: 'duplicate',
  422: 'invalid',
};

/** Applies the intake's answer for a batch to its rows (results come by index within the batch). */
export function applyResults(
  batch: RowOutcome[],
  results: { index: number; status: number; id?: string; errors?: { path: string; message: string }[]; rules?: unknown[] }[],
): RowOutcome[] {
  return batch.map((row, index) => {
    const result = results.find((r) => r.index === index);
    if (!result) return { ...row, state: 'invalid', problems: [{ path: '', message: 'no answer for this row', code: 'noAnswer' }] };
    return { ...row, state: STATE_OF[result.status] ?? 'invalid', id: result.id, problems: fieldProblems(result.errors, result.rules) };
  });
}

/** How many rows are in each state. */
export function tally(outcomes: RowOutcome[]): Record<RowOutcome['state'], number> {
  const counts = { unreadable: 0, ready: 0, acceptable: 0, imported: 0, duplicate: 0, forbidden: 0, invalid: 0 };
  for (const o of outcomes) counts[o.state]++;
  return counts;
}
