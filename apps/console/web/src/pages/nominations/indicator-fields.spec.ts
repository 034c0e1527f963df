import { indicatorFields, partsAboveWhole } from './indicator-fields';

describe('indicator fields', () => {
  it('should give a regency the government indicators, each part knowing its whole', () => {
    const fields = indicatorFields('regency');

    expect(fields.find((f) => f.path === 'participants.wageEarners')).toEqual({
      path: 'participants.wageEarners',
      type: 'count',
      unit: 'people',
      wholePath: 'workforce.wageEarners',
    });
    expect(fields.find((f) => f.path === 'budget.allocatedIdr')).toMatchObject({ unit: 'rupiah' });
    expect(fields.some((f) => f.path === 'employees.total')).toBe(false);
  });

  it('should give an employer the employer indicators and the BPJS programmes', () => {
    const paths = indicatorFields('employer').map((f) => f.path);

    expect(paths).toEqual(expect.arrayContaining(['employees.enrolled', 'programs', 'pds.wages']));
    expect(paths).not.toContain('workforce.wageEarners');
  });

  it('should name every part above its whole', () => {
    expect(partsAboveWhole({ workforce: { wageEarners: 100 }, participants: { wageEarners: 101, nonWageEarners: 5 } })).toEqual([
      ['participants.wageEarners', 'workforce.wageEarners'],
    ]);
  });
});
