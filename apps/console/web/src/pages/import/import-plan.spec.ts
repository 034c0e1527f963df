import { applyResults, batches, BATCH_SIZE, readImportFile, tally } from './import-plan';

const HEADER = 'edition,tier,province,category,nominee.kind,nominee.regionCode,contact.name,contact.email,indicators.workforce.wageEarners';
const row = (code: string, workers = '100') => `2024,provincial,15,regency,regency,${code},Setda,setda@example.id,${workers}`;

describe('the import plan', () => {
  it('should read each row as the command-line import does, a row that is not a nomination keeping its reasons', () => {
    const outcomes = readImportFile([HEADER, row('15.08'), row('15.01', 'banyak')].join('\n'));

    expect(outcomes[0]).toMatchObject({
      row: 2,
      state: 'ready',
      body: { nominee: { regionCode: '15.08' }, indicators: { workforce: { wageEarners: 100 } } },
    });
    expect(outcomes[1]).toMatchObject({ row: 3, state: 'unreadable', problems: [{ path: 'indicators.workforce.wageEarners' }] });
  });

  it('should send only readable rows, at most a batch at a time', () => {
    const lines = [HEADER, ...Array.from({ length: BATCH_SIZE + 1 }, (_, i) => row(`15.0${i % 9}`)), row('15.01', 'x')];
    const sent = batches(readImportFile(lines.join('\n')));

    expect(sent.map((b) => b.length)).toEqual([BATCH_SIZE, 1]);
  });

  it("should give each row the intake's answer for its place in the batch", () => {
    const [batch] = batches(readImportFile([HEADER, row('15.08'), row('15.01'), row('15.02')].join('\n')));
    const answered = applyResults(batch, [
      { index: 0, status: 201, id: 'a' },
      { index: 1, status: 409, errors: [{ path: 'nominee', message: 'already nominated' }] },
      { index: 2, status: 422, errors: [{ path: 'contact.email', message: 'bad' }] },
    ]);

    expect(answered.map((o) => [o.row, o.state, o.id])).toEqual([
      [2, 'imported', 'a'],
      [3, 'duplicate', undefined],
      [4, 'invalid', undefined],
    ]);
    expect(tally(answered)).toMatchObject({ imported: 1, duplicate: 1, invalid: 1 });
  });
});
