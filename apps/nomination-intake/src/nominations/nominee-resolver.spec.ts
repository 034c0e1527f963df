import { RegionDirectory } from '@paritrana/contracts';
import type { NomineeDto } from './nomination.dto';
import { resolveNominee } from './nominee-resolver';

const regions = RegionDirectory.official();

const employer = (overrides: Partial<NomineeDto> = {}): NomineeDto => ({
  kind: 'employer',
  regionCode: '15.08',
  name: 'PT Contoh Sejahtera',
  npp: '12345678',
  sector: 'agriculture',
  size: 'medium',
  ...overrides,
});

describe('resolveNominee', () => {
  describe('government nominees', () => {
    it('should name a regency from the official list when its code is in the province', () => {
      const sut = resolveNominee({ kind: 'regency', regionCode: '15.08' }, '15', regions);

      expect(sut).toEqual({
        nominee: { kind: 'regency', regionCode: '15.08', name: 'Kabupaten Bungo' },
        key: '15.08',
        errors: [],
      });
    });

    it('should name a village from the official list when its code is a village in the province', () => {
      const sut = resolveNominee({ kind: 'village', regionCode: '15.05.06.2016' }, '15', regions);

      expect(sut).toEqual({
        nominee: { kind: 'village', regionCode: '15.05.06.2016', name: 'Arang Arang' },
        key: '15.05.06.2016',
        errors: [],
      });
    });

    it('should name a province from the official list when the code is the province itself', () => {
      const sut = resolveNominee({ kind: 'province', regionCode: '15' }, '15', regions);

      expect(sut).toEqual({ nominee: { kind: 'province', regionCode: '15', name: 'Jambi' }, key: '15', errors: [] });
    });

    it('should refuse a village nominee when the code is a regency', () => {
      const sut = resolveNominee({ kind: 'village', regionCode: '15.08' }, '15', regions);

      expect(sut).toEqual({
        errors: [
          {
            path: 'nominee.regionCode',
            message: '15.08 is a regency, a village nominee needs a village code',
            code: 'regionLevel',
            params: { regionCode: '15.08', level: 'regency', needed: 'village' },
          },
        ],
      });
    });

    it('should refuse a regency nominee when the code is a district', () => {
      const sut = resolveNominee({ kind: 'regency', regionCode: '15.05.06' }, '15', regions);

      expect(sut).toEqual({
        errors: [
          {
            path: 'nominee.regionCode',
            message: '15.05.06 is a district, a regency nominee needs a regency code',
            code: 'regionLevel',
            params: { regionCode: '15.05.06', level: 'district', needed: 'regency' },
          },
        ],
      });
    });

    it('should refuse a region when it is outside the nominating province', () => {
      const sut = resolveNominee({ kind: 'regency', regionCode: '15.08' }, '16', regions);

      expect(sut).toEqual({
        errors: [
          {
            path: 'nominee.regionCode',
            message: 'Kabupaten Bungo (15.08) is not in province 16',
            code: 'regionOutsideProvince',
            params: { region: 'Kabupaten Bungo', province: '16' },
          },
        ],
      });
    });

    it('should refuse a code when it is not an official region', () => {
      const sut = resolveNominee({ kind: 'regency', regionCode: '15.99' }, '15', regions);

      expect(sut).toEqual({
        errors: [
          {
            path: 'nominee.regionCode',
            message: '15.99 is not an official region code',
            code: 'regionUnknown',
            params: { regionCode: '15.99' },
          },
        ],
      });
    });

    it('should refuse employer-only fields when the nominee is a government', () => {
      const sut = resolveNominee(
        { kind: 'regency', regionCode: '15.08', name: 'Pemkab Bungo', npp: '12345678', sector: 'public-service', size: 'large' },
        '15',
        regions,
      );

      expect(sut).toEqual({
        errors: [
          { path: 'nominee.name', message: 'is not a field of a regency nominee', code: 'unknownField' },
          { path: 'nominee.npp', message: 'is not a field of a regency nominee', code: 'unknownField' },
          { path: 'nominee.sector', message: 'is not a field of a regency nominee', code: 'unknownField' },
          { path: 'nominee.size', message: 'is not a field of a regency nominee', code: 'unknownField' },
        ],
      });
    });

    it('should refuse a single employer-only field when a village nominee gives it', () => {
      const sut = resolveNominee({ kind: 'village', regionCode: '15.05.06.2016', npp: '12345678' }, '15', regions);

      expect(sut).toEqual({ errors: [{ path: 'nominee.npp', message: 'is not a field of a village nominee', code: 'unknownField' }] });
    });
  });

  describe('employer nominees', () => {
    it('should key an employer by its npp when every field is given', () => {
      const sut = resolveNominee(employer(), '15', regions);

      expect(sut).toEqual({
        nominee: {
          kind: 'employer',
          regionCode: '15.08',
          name: 'PT Contoh Sejahtera',
          npp: '12345678',
          sector: 'agriculture',
          size: 'medium',
        },
        key: 'npp:12345678',
        errors: [],
      });
    });

    it.each(['name', 'npp', 'sector', 'size'] as const)('should refuse an employer when %s is missing', (field) => {
      const sut = resolveNominee(employer({ [field]: undefined }), '15', regions);

      expect(sut).toEqual({ errors: [{ path: `nominee.${field}`, message: `an employer nominee needs ${field}`, code: 'required' }] });
    });

    it('should name every missing field when an employer gives only its region', () => {
      const sut = resolveNominee({ kind: 'employer', regionCode: '15.08' }, '15', regions);

      expect(sut).toEqual({
        errors: [
          { path: 'nominee.name', message: 'an employer nominee needs name', code: 'required' },
          { path: 'nominee.npp', message: 'an employer nominee needs npp', code: 'required' },
          { path: 'nominee.sector', message: 'an employer nominee needs sector', code: 'required' },
          { path: 'nominee.size', message: 'an employer nominee needs size', code: 'required' },
        ],
      });
    });

    it('should refuse an employer when its region is a province rather than a regency', () => {
      const sut = resolveNominee(employer({ regionCode: '15' }), '15', regions);

      expect(sut).toEqual({
        errors: [
          {
            path: 'nominee.regionCode',
            message: '15 is a province, an employer nominee needs a regency code',
            code: 'regionLevel',
            params: { regionCode: '15', level: 'province', needed: 'regency' },
          },
        ],
      });
    });

    it('should report the region and the missing fields together when both are wrong', () => {
      const sut = resolveNominee(employer({ regionCode: '15.08', npp: undefined }), '31', regions);

      expect(sut).toEqual({
        errors: [
          {
            path: 'nominee.regionCode',
            message: 'Kabupaten Bungo (15.08) is not in province 31',
            code: 'regionOutsideProvince',
            params: { region: 'Kabupaten Bungo', province: '31' },
          },
          { path: 'nominee.npp', message: 'an employer nominee needs npp', code: 'required' },
        ],
      });
    });
  });
});
