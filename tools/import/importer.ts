import { rowsFromCsv } from '@paritrana/contracts';

export interface ImportOutcome {
  row: number;
  status: number;
  id?: string;
  message?: string;
}

export interface ImportReport {
  outcomes: ImportOutcome[];
  accepted: number;
  duplicates: number;
  refused: number;
  seconds: number;
}

export interface ImportOptions {
  intakeUrl: string;
  token: string;
  batchSize?: number;
  onProgress?: (done: number, total: number) => void;
}

interface BatchAnswer {
  results: Array<{ index: number; status: number; id?: string; errors?: Array<{ path: string; message: string }> }>;
}

/** Sends the CSV's nominations through the batch API and answers every row with its outcome. */
export async function importNominations(csv: string, options: ImportOptions): Promise<ImportReport> {
  const started = Date.now();
  const { rows } = rowsFromCsv(csv);
  const outcomes: ImportOutcome[] = [];
  const valid = rows.filter((r) => 'body' in r);
  for (const r of rows)
    if ('errors' in r) outcomes.push({ row: r.row, status: 422, message: r.errors.map((e) => `${e.path}: ${e.message}`).join('; ') });
  const batchSize = options.batchSize ?? 500;
  let done = rows.length - valid.length;
  options.onProgress?.(done, rows.length);
  for (let start = 0; start < valid.length; start += batchSize) {
    const chunk = valid.slice(start, start + batchSize) as Array<{ row: number; body: Record<string, unknown> }>;
    const response = await fetch(`${options.intakeUrl}/v1/nominations/batch`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${options.token}` },
      body: JSON.stringify(chunk.map((r) => r.body)),
    });
    if (response.status !== 200) {
      throw new Error(
        `Intake answered ${response.status} to rows ${chunk[0].row}-${chunk[chunk.length - 1].row}: ${await response.text()}`,
      );
    }
    const answer = (await response.json()) as BatchAnswer;
    for (const result of answer.results) {
      outcomes.push({
        row: chunk[result.index].row,
        status: result.status,
        ...(result.id ? { id: result.id } : {}),
        ...(result.errors ? { message: result.errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)).join('; ') } : {}),
      });
    }
    done += chunk.length;
    options.onProgress?.(done, rows.length);
  }
  outcomes.sort((a, b) => a.row - b.row);
  return {
    outcomes,
    accepted: outcomes.filter((o) => o.status === 201).length,
    duplicates: outcomes.filter((o) => o.status === 409).length,
    refused: outcomes.filter((o) => o.status !== 201 && o.status !== 409).length,
    seconds: (Date.now() - started) / 1000,
  };
}
