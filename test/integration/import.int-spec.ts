import { http, tokenFor } from '@paritrana/testing';
import { startIntake } from '../harness/platform-harness';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importNominations } from '../../tools/import/importer';

const root = join(__dirname, '..', '..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');

describe('bulk import of the demo nominations and the template (real intake, Postgres and Kafka)', () => {
  let intake: { url: string; close(): Promise<void> };
  const admin = tokenFor({ sub: 'import-test', role: 'admin' });
  const edition = `imp${Date.now().toString(36)}`;
  /** The shipped files, moved to an edition of this run's own. */
  const csvFile = (path: string) => read(path).replace(/^2024,/gm, `${edition},`);

  beforeAll(async () => {
    intake = await startIntake();
    const definition = { ...JSON.parse(read('deploy/demo/edition-2024.json')), code: edition };
    expect((await http('POST', `${intake.url}/v1/editions`, admin, definition)).status).toBe(201);
  });

  afterAll(async () => intake?.close());

  it('should import the demo’s regencies, villages and employers once, reporting progress', async () => {
    const progress: number[] = [];

    const first = await importNominations(csvFile('deploy/demo/nominations-2024.csv'), {
      intakeUrl: intake.url,
      token: admin,
      batchSize: 10,
      onProgress: (done) => progress.push(done),
    });
    const again = await importNominations(csvFile('deploy/demo/nominations-2024.csv'), { intakeUrl: intake.url, token: admin });

    expect([first.accepted, first.duplicates, first.refused]).toEqual([61, 0, 0]);
    expect(progress).toEqual([0, 10, 20, 30, 40, 50, 60, 61]);
    expect([again.accepted, again.duplicates, again.refused]).toEqual([0, 61, 0]);
  });

  it('should accept the template’s employer row and answer the rest by row number', async () => {
    const report = await importNominations(csvFile('docs/import-template.csv'), { intakeUrl: intake.url, token: admin });

    expect(report.outcomes.map((o) => [o.row, o.status])).toEqual([
      [2, 409],
      [3, 201],
    ]);
  });

  it('should refuse rows outside a regional office’s provinces and rows with bad cells, by row number', async () => {
    const bali = tokenFor({ sub: 'kanwil-bali', role: 'regional-office', provinces: ['51'] });
    const csv = [
      'edition,tier,province,category,nominee.kind,nominee.regionCode,contact.name,contact.email,indicators.workforce.wageEarners',
      `${edition},provincial,15,regency,regency,15.09,Setda Tebo,setda@tebokab.go.id,1000`,
      `${edition},provincial,51,regency,regency,51.01,Setda Jembrana,setda@jembranakab.go.id,lots`,
      `${edition},provincial,51,regency,regency,51.99,Setda X,setda@x.go.id,1000`,
    ].join('\n');

    const report = await importNominations(csv, { intakeUrl: intake.url, token: bali });

    expect(report.outcomes).toEqual([
      { row: 2, status: 403, message: 'Your token does not cover province 15' },
      { row: 3, status: 422, message: 'indicators.workforce.wageEarners: "lots" is not a whole number' },
      { row: 4, status: 422, message: 'nominee.regionCode: 51.99 is not an official region code' },
    ]);
  });
});
