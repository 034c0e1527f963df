import { signToken, DEVELOPMENT_JWT_SECRET } from '@paritrana/platform';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '@paritrana/infra/repo-root';
import { importNominations } from '../import/importer';

const demoToken = () =>
  signToken(process.env.AUTH_JWT_SECRET || DEVELOPMENT_JWT_SECRET, { sub: 'demo-loader', name: 'Demo loader', role: 'admin' });

/** Defines the demo edition through the public API; an edition that already exists is left as it is. */
export async function loadDemoEdition(intakeUrl: string, log: (line: string) => void): Promise<void> {
  const definition = JSON.parse(readFileSync(join(repoRoot(), 'deploy', 'demo', 'edition-2024.json'), 'utf8')) as { code: string };
  const token = signToken(process.env.AUTH_JWT_SECRET || DEVELOPMENT_JWT_SECRET, {
    sub: 'demo-loader',
    name: 'Demo loader',
    role: 'admin',
  });
  const response = await fetch(`${intakeUrl}/v1/editions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(definition),
  });
  if (response.status === 201) log(`Demo edition ${definition.code} defined`);
  else if (response.status === 409) log(`Demo edition ${definition.code} already defined`);
  else throw new Error(`Defining the demo edition failed with ${response.status}: ${await response.text()}`);
}

/** Nominates the regencies of Jambi and Sumatera Selatan in the demo edition; existing ones are left alone. */
export async function loadDemoNominations(intakeUrl: string, log: (line: string) => void): Promise<void> {
  const csv = readFileSync(join(repoRoot(), 'deploy', 'demo', 'nominations-2024.csv'), 'utf8');
  const report = await importNominations(csv, { intakeUrl, token: demoToken() });
  if (report.refused > 0) {
    const first = report.outcomes.find((o) => o.status !== 201 && o.status !== 409);
    throw new Error(`The demo nominations were refused: row ${first?.row}: ${first?.message}`);
  }
  log(`Demo nominations: ${report.accepted} submitted, ${report.duplicates} already there`);
}
