import { BPJS_PROGRAMS, PART_OF_WHOLE, type NomineeKind } from '@paritrana/contracts';
import { checkIndicators } from './indicator-rules';

const regencyIndicators = () => ({
  workforce: { wageEarners: 61000, nonWageEarners: 120000 },
  participants: { wageEarners: 40870, nonWageEarners: 30500, previousYear: 65000 },
  nonAsn: { workers: 4200, covered: 4100 },
  vulnerable: { coveredByRegionalBudget: 1500, coveredByVillageBudget: 900 },
  villages: { total: 153, meeting100Target: 12 },
  budget: { allocatedIdr: 2500000000 },
  regulation: { level: 'perda' },
});

const employerIndicators = () => ({
  employees: { total: 850, enrolled: 850 },
  supplyChain: { vendors: 40, vendorsEnrolled: 31 },
  csr: { vulnerableWorkersCovered: 300 },
  programs: ['JKK', 'JKM', 'JHT', 'JP', 'JKP'],
  pds: { workers: false, wages: false, programs: false },
});

describe('checkIndicators', () => {
  it('should accept every government indicator when each is well formed', () => {
    const sut = checkIndicators('regency', regencyIndicators());

    expect(sut).toEqual([]);
  });

  it('should accept every employer indicator when each is well formed', () => {
    const sut = checkIndicators('employer', employerIndicators());

    expect(sut).toEqual([]);
  });

  it('should accept an empty set of indicators', () => {
    expect(checkIndicators('village', {})).toEqual([]);
  });

  it('should accept zero as a count', () => {
    expect(checkIndicators('province', { budget: { allocatedIdr: 0 } })).toEqual([]);
  });

  describe('counts', () => {
    it('should refuse a count when it is negative', () => {
      const sut = checkIndicators('regency', { workforce: { wageEarners: -1 } });

      expect(sut).toEqual([{ path: 'indicators.workforce.wageEarners', message: 'must be a non-negative integer', code: 'count' }]);
    });

    it('should refuse a count when it is fractional', () => {
      const sut = checkIndicators('regency', { villages: { total: 152.5 } });

      expect(sut).toEqual([{ path: 'indicators.villages.total', message: 'must be a non-negative integer', code: 'count' }]);
    });

    it('should refuse a count when it is a numeric string', () => {
      const sut = checkIndicators('regency', { participants: { previousYear: '65000' } });

      expect(sut).toEqual([{ path: 'indicators.participants.previousYear', message: 'must be a non-negative integer', code: 'count' }]);
    });

    it('should refuse a count when it is null', () => {
      const sut = checkIndicators('village', { nonAsn: { workers: null } });

      expect(sut).toEqual([{ path: 'indicators.nonAsn.workers', message: 'must be a non-negative integer', code: 'count' }]);
    });

    it('should refuse a count when it is beyond the safe integer range', () => {
      const sut = checkIndicators('province', { budget: { allocatedIdr: Number.MAX_SAFE_INTEGER + 1 } });

      expect(sut).toEqual([{ path: 'indicators.budget.allocatedIdr', message: 'must be a non-negative integer', code: 'count' }]);
    });

    it('should refuse an employer count when it is negative', () => {
      const sut = checkIndicators('employer', { csr: { vulnerableWorkersCovered: -3 } });

      expect(sut).toEqual([{ path: 'indicators.csr.vulnerableWorkersCovered', message: 'must be a non-negative integer', code: 'count' }]);
    });

    it('should refuse a count when it is given as a group', () => {
      const sut = checkIndicators('regency', { participants: { wageEarners: { count: 5 } } });

      expect(sut).toEqual([{ path: 'indicators.participants.wageEarners', message: 'must be a non-negative integer', code: 'count' }]);
    });
  });

  describe('unknown indicators', () => {
    it('should refuse an indicator when its path is not known in a known group', () => {
      const sut = checkIndicators('regency', { workforce: { total: 181000 } });

      expect(sut).toEqual([{ path: 'indicators.workforce.total', message: 'is not a known regency indicator', code: 'unknownField' }]);
    });

    it('should refuse a top-level indicator when it is not known', () => {
      const sut = checkIndicators('village', { population: 3200 });

      expect(sut).toEqual([{ path: 'indicators.population', message: 'is not a known village indicator', code: 'unknownField' }]);
    });

    it('should refuse a nested group when it is not known inside a known group', () => {
      const sut = checkIndicators('regency', { workforce: { detail: { wageEarners: 5 } } });

      expect(sut).toEqual([{ path: 'indicators.workforce.detail', message: 'is not a known regency indicator', code: 'unknownField' }]);
    });

    it('should refuse a known group when it is given as a number', () => {
      const sut = checkIndicators('regency', { workforce: 181000 });

      expect(sut).toEqual([{ path: 'indicators.workforce', message: 'is not a known regency indicator', code: 'unknownField' }]);
    });

    it('should refuse a government indicator when the nominee is an employer', () => {
      const sut = checkIndicators('employer', { workforce: { wageEarners: 850 } });

      expect(sut).toEqual([{ path: 'indicators.workforce', message: 'is not a known employer indicator', code: 'unknownField' }]);
    });

    it('should refuse regulation.level when the nominee is an employer', () => {
      const sut = checkIndicators('employer', { regulation: { level: 'perda' } });

      expect(sut).toEqual([{ path: 'indicators.regulation', message: 'is not a known employer indicator', code: 'unknownField' }]);
    });

    it('should refuse an employer count when the nominee is a government', () => {
      const sut = checkIndicators('regency', { employees: { total: 850 } });

      expect(sut).toEqual([{ path: 'indicators.employees', message: 'is not a known regency indicator', code: 'unknownField' }]);
    });

    it('should refuse programs when the nominee is a government', () => {
      const sut = checkIndicators('province', { programs: ['JKK'] });

      expect(sut).toEqual([{ path: 'indicators.programs', message: 'is not a known province indicator', code: 'unknownField' }]);
    });

    it('should refuse pds flags when the nominee is a government', () => {
      const sut = checkIndicators('village', { pds: { workers: false } });

      expect(sut).toEqual([{ path: 'indicators.pds', message: 'is not a known village indicator', code: 'unknownField' }]);
    });
  });

  describe('regulation.level', () => {
    it.each(['none', 'decree', 'perda'])('should accept regulation.level when it is %s', (level) => {
      expect(checkIndicators('regency', { regulation: { level } })).toEqual([]);
    });

    it('should refuse regulation.level when it is not among the levels', () => {
      const sut = checkIndicators('regency', { regulation: { level: 'law' } });

      expect(sut).toEqual([
        {
          path: 'indicators.regulation.level',
          message: 'must be one of none, decree, perda',
          code: 'isIn',
          params: { values: 'none, decree, perda' },
        },
      ]);
    });

    it('should refuse regulation.level when its case differs', () => {
      const sut = checkIndicators('province', { regulation: { level: 'Perda' } });

      expect(sut).toEqual([
        {
          path: 'indicators.regulation.level',
          message: 'must be one of none, decree, perda',
          code: 'isIn',
          params: { values: 'none, decree, perda' },
        },
      ]);
    });
  });

  describe('employer programs', () => {
    const PROGRAMS_MESSAGE = 'must be a list of distinct programs among JKK, JKM, JHT, JP, JKP';

    it('should accept programs when they are a subset of the BPJS programs', () => {
      expect(checkIndicators('employer', { programs: ['JKK', 'JKM'] })).toEqual([]);
    });

    it('should accept programs when the list is empty', () => {
      expect(checkIndicators('employer', { programs: [] })).toEqual([]);
    });

    it('should refuse programs when one is not a BPJS program', () => {
      const sut = checkIndicators('employer', { programs: ['JKK', 'JKN'] });

      expect(sut).toEqual([
        { path: 'indicators.programs', message: PROGRAMS_MESSAGE, code: 'programs', params: { values: BPJS_PROGRAMS.join(', ') } },
      ]);
    });

    it('should refuse programs when one is listed twice', () => {
      const sut = checkIndicators('employer', { programs: ['JKK', 'JKM', 'JKK'] });

      expect(sut).toEqual([
        { path: 'indicators.programs', message: PROGRAMS_MESSAGE, code: 'programs', params: { values: BPJS_PROGRAMS.join(', ') } },
      ]);
    });

    it('should refuse programs when they are not a list', () => {
      const sut = checkIndicators('employer', { programs: 'JKK' });

      expect(sut).toEqual([
        { path: 'indicators.programs', message: PROGRAMS_MESSAGE, code: 'programs', params: { values: BPJS_PROGRAMS.join(', ') } },
      ]);
    });
  });

  describe('pds flags', () => {
    it.each(['workers', 'wages', 'programs'])('should refuse pds.%s when it is not a boolean', (flag) => {
      const sut = checkIndicators('employer', { pds: { [flag]: 'no' } });

      expect(sut).toEqual([{ path: `indicators.pds.${flag}`, message: 'must be true or false', code: 'isBoolean' }]);
    });

    it('should accept pds flags when they are true', () => {
      expect(checkIndicators('employer', { pds: { workers: true, wages: true, programs: true } })).toEqual([]);
    });

    it('should refuse a pds flag when it is not known', () => {
      const sut = checkIndicators('employer', { pds: { bonuses: true } });

      expect(sut).toEqual([{ path: 'indicators.pds.bonuses', message: 'is not a known employer indicator', code: 'unknownField' }]);
    });
  });

  describe('parts within wholes', () => {
    /** Every pair in PART_OF_WHOLE, with a nominee kind that carries it. */
    const pairs: Array<[part: string, whole: string, kind: NomineeKind]> = [
      ['participants.wageEarners', 'workforce.wageEarners', 'regency'],
      ['participants.nonWageEarners', 'workforce.nonWageEarners', 'regency'],
      ['nonAsn.covered', 'nonAsn.workers', 'province'],
      ['villages.meeting100Target', 'villages.total', 'regency'],
      ['employees.enrolled', 'employees.total', 'employer'],
      ['supplyChain.vendorsEnrolled', 'supplyChain.vendors', 'employer'],
    ];

    const nest = (values: Record<string, number>) => {
      const out: Record<string, Record<string, number>> = {};
      for (const [path, value] of Object.entries(values)) {
        const [group, key] = path.split('.');
        out[group] = { ...out[group], [key]: value };
      }
      return out;
    };

    it('should cover every pair in PART_OF_WHOLE', () => {
      expect(pairs.map(([part, whole]) => [part, whole])).toEqual(PART_OF_WHOLE.map(([part, whole]) => [part, whole]));
    });

    it.each(pairs)('should refuse %s when it exceeds %s', (part, whole, kind) => {
      const sut = checkIndicators(kind, nest({ [part]: 11, [whole]: 10 }));

      expect(sut).toEqual([
        { path: `indicators.${part}`, message: `cannot exceed ${whole} (10)`, code: 'partAboveWhole', params: { whole, limit: 10 } },
      ]);
    });

    it.each(pairs)('should accept %s when it equals %s', (part, whole, kind) => {
      expect(checkIndicators(kind, nest({ [part]: 10, [whole]: 10 }))).toEqual([]);
    });

    it('should accept a part when its whole is not given', () => {
      expect(checkIndicators('regency', { participants: { wageEarners: 40870 } })).toEqual([]);
    });

    it('should only report the count problem when the part is not a count', () => {
      const sut = checkIndicators('regency', { participants: { wageEarners: 70000.5 }, workforce: { wageEarners: 61000 } });

      expect(sut).toEqual([{ path: 'indicators.participants.wageEarners', message: 'must be a non-negative integer', code: 'count' }]);
    });
  });

  it('should report every problem at once when there are several', () => {
    const sut = checkIndicators('regency', {
      workforce: { wageEarners: 100, nonWageEarners: -5 },
      participants: { wageEarners: 150 },
      regulation: { level: 'law' },
      employees: { total: 3 },
    });

    expect(sut).toEqual([
      { path: 'indicators.workforce.nonWageEarners', message: 'must be a non-negative integer', code: 'count' },
      {
        path: 'indicators.regulation.level',
        message: 'must be one of none, decree, perda',
        code: 'isIn',
        params: { values: 'none, decree, perda' },
      },
      { path: 'indicators.employees', message: 'is not a known regency indicator', code: 'unknownField' },
      {
        path: 'indicators.participants.wageEarners',
        message: 'cannot exceed workforce.wageEarners (100)',
        code: 'partAboveWhole',
        params: { whole: 'workforce.wageEarners', limit: 100 },
      },
    ]);
  });
});
