import { rowsFromCsv } from './nomination-csv';

const HEADER = 'edition,tier,province,category,nominee.kind,nominee.regionCode,contact.name,contact.email';

describe('rowsFromCsv', () => {
  it('should build nested bodies from path-named columns, with typed indicators', () => {
    const csv = `${HEADER},indicators.workforce.wageEarners,indicators.regulation.level,indicators.programs,indicators.pds.workers
2024,provincial,15,regency,regency,15.08,Setda Bungo,setda@bungokab.go.id,61000,perda,JKK|JKM,tidak`;

    const sut = rowsFromCsv(csv);

    expect(sut.rows).toEqual([
      {
        row: 2,
        body: {
          edition: '2024',
          tier: 'provincial',
          province: '15',
          category: 'regency',
          nominee: { kind: 'regency', regionCode: '15.08' },
          contact: { name: 'Setda Bungo', email: 'setda@bungokab.go.id' },
          indicators: {
            workforce: { wageEarners: 61000 },
            regulation: { level: 'perda' },
            programs: ['JKK', 'JKM'],
            pds: { workers: false },
          },
        },
      },
    ]);
  });

  it('should leave empty cells out and accept thousands separators in counts', () => {
    const csv = `${HEADER},nominee.name,indicators.workforce.wageEarners\n2024,provincial,15,regency,regency,15.08,Setda,s@x.id,,61.000`;

    expect(rowsFromCsv(csv).rows[0]).toMatchObject({
      body: { nominee: { kind: 'regency', regionCode: '15.08' }, indicators: { workforce: { wageEarners: 61000 } } },
    });
  });

  it('should report the spreadsheet row number and every bad cell when a row cannot be read', () => {
    const csv = `${HEADER},indicators.workforce.wageEarners,indicators.programs,indicators.pds.wages
2024,provincial,15,regency,regency,15.08,Setda,s@x.id,1000,JKK,false
2024,provincial,15,regency,regency,15.09,Setda,s@x.id,-5,JKK|XYZ,maybe`;

    expect(rowsFromCsv(csv).rows[1]).toEqual({
      row: 3,
      errors: [
        {
          path: 'indicators.workforce.wageEarners',
          message: '"-5" is not a whole number',
          code: 'csvCount',
          params: { value: '-5' },
        },
        {
          path: 'indicators.programs',
          message: 'unknown program(s) XYZ; use JKK|JKM|JHT|JP|JKP',
          code: 'csvPrograms',
          params: { value: 'XYZ' },
        },
        { path: 'indicators.pds.wages', message: '"maybe" is not true/false', code: 'csvBoolean', params: { value: 'maybe' } },
      ],
    });
  });

  it('should refuse a file missing required columns, naming them', () => {
    expect(() => rowsFromCsv('edition,tier\n2024,provincial')).toThrow(
      'The CSV lacks the column(s) province, category, nominee.kind, nominee.regionCode, contact.name, contact.email; start from docs/import-template.csv',
    );
  });
});
