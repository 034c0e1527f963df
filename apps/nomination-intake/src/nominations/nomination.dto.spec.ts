import 'reflect-metadata';
import { flattenValidationErrors } from '@paritrana/platform';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { AmendNominationDto, ListNominationsQuery, SubmitNominationDto } from './nomination.dto';

const valid = () => ({
  edition: '2024',
  tier: 'provincial',
  province: '15',
  category: 'regency',
  nominee: { kind: 'regency', regionCode: '15.08' },
  contact: { name: 'Sekretariat Daerah Kab. Bungo', email: 'setda@bungokab.go.id' },
  indicators: { workforce: { wageEarners: 61000 } },
});

const problems = <T extends object>(Dto: new () => T, body: unknown) =>
  flattenValidationErrors(validateSync(plainToInstance(Dto, body as object), { whitelist: true, forbidNonWhitelisted: true })).map(
    (e) => e.path,
  );

describe('SubmitNominationDto', () => {
  it('should accept a complete regency nomination', () => {
    expect(problems(SubmitNominationDto, valid())).toEqual([]);
  });

  it.each([
    ['edition', { edition: '' }],
    ['tier', { tier: 'district' }],
    ['province', { province: '150' }],
    ['category', { category: 42 }],
    ['nominee', { nominee: [] }],
    ['nominee.kind', { nominee: { kind: 'company', regionCode: '15.08' } }],
    ['nominee.regionCode', { nominee: { kind: 'regency', regionCode: '15-08' } }],
    ['nominee.npp', { nominee: { kind: 'employer', regionCode: '15.71', npp: 'abc' } }],
    ['nominee.sector', { nominee: { kind: 'employer', regionCode: '15.71', sector: 'banking' } }],
    ['nominee.size', { nominee: { kind: 'employer', regionCode: '15.71', size: 'huge' } }],
    ['contact.email', { contact: { name: 'Setda', email: 'not-an-address' } }],
    ['contact.name', { contact: { name: '', email: 'a@b.id' } }],
    ['indicators', { indicators: 'many' }],
    ['documents.0.url', { documents: [{ name: 'Perda', url: 'ftp://x' }] }],
    ['documents.0', { documents: ['perda.pdf'] }],
    ['status', { status: 'winner' }],
    ['nominee.extra', { nominee: { kind: 'regency', regionCode: '15.08', extra: true } }],
  ])('should refuse %s', (path, change) => {
    expect(problems(SubmitNominationDto, { ...valid(), ...change })).toContain(path);
  });

  it('should name every missing required field', () => {
    expect(problems(SubmitNominationDto, {}).filter((p, i, all) => all.indexOf(p) === i)).toEqual([
      'edition',
      'tier',
      'province',
      'category',
      'nominee',
      'contact',
      'indicators',
    ]);
  });
});

describe('AmendNominationDto', () => {
  it('should accept any of contact, indicators, documents and refuse anything else', () => {
    expect(problems(AmendNominationDto, { indicators: {} })).toEqual([]);
    expect(problems(AmendNominationDto, { edition: '2025' })).toEqual(['edition']);
  });
});

describe('ListNominationsQuery', () => {
  it.each([
    ['page', { page: '0' }],
    ['pageSize', { pageSize: '501' }],
    ['province', { province: 'x' }],
    ['status', { status: 'winner' }],
  ])('should refuse %s', (path, query) => {
    expect(problems(ListNominationsQuery, query)).toContain(path);
  });

  it('should default to the first page of 50', () => {
    expect(plainToInstance(ListNominationsQuery, {})).toMatchObject({ page: 1, pageSize: 50 });
  });
});
