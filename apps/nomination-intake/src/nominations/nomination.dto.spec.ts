import 'reflect-metadata';
import { EventTypes, EventValidator, RegionDirectory } from '@paritrana/contracts';
import { payloadMutations, writeAt } from '@paritrana/contracts/events/payload-mutations';
import { flattenValidationErrors, type FieldError } from '@paritrana/platform';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import fc from 'fast-check';
import { checkIndicators } from './indicator-rules';
import { AmendNominationDto, ListNominationsQuery, SubmitNominationDto } from './nomination.dto';
import { resolveNominee } from './nominee-resolver';

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

/**
 * The HTTP boundary (the DTO, then the nominee and indicator rules) and the schemas of the
 * nomination events must accept and refuse the same nominee, contact and indicators, so no
 * nomination the API accepts is a poison event and no rule lives on one side only. The schemas
 * cannot hold the rules below (the official region list, parts within wholes), so a nomination
 * they accept may still be refused for one of them.
 */
describe('SubmitNominationDto and the nomination event schemas', () => {
  const regions = RegionDirectory.official();
  const events = new EventValidator();
  const RULES_BEYOND_THE_SCHEMA: Array<(e: FieldError) => boolean> = [
    (e) =>
      e.path === 'nominee.regionCode' &&
      /is not an official region code$|nominee needs a \w+ code$|is not in province \d+$/.test(e.message),
    (e) => e.path.startsWith('indicators.') && /^cannot exceed /.test(e.message),
    // A government nominee's name comes from the official list: the event has it, the request may not.
    (e) => e.path === 'nominee.name' && /^is not a field of a \w+ nominee$/.test(e.message),
  ];
  const employer = () => ({
    edition: '2024',
    tier: 'provincial',
    province: '15',
    category: 'employer',
    nominee: { kind: 'employer', regionCode: '15.71', name: 'PT Contoh Sejahtera', npp: '12345678', sector: 'finance', size: 'large' },
    contact: { name: 'HRD PT Contoh', email: 'hrd@contoh.co.id', copyTo: 'kanwil.sumbagsel@bpjsketenagakerjaan.go.id' },
    indicators: {
      employees: { total: 120, enrolled: 118 },
      programs: ['JKK', 'JKM', 'JHT', 'JP'],
      pds: { workers: true, wages: true, programs: false },
      supplyChain: { vendors: 10, vendorsEnrolled: 4 },
      csr: { vulnerableWorkersCovered: 30 },
    },
  });
  const regency = () => ({
    ...valid(),
    indicators: {
      workforce: { wageEarners: 61000, nonWageEarners: 1000 },
      participants: { wageEarners: 40870, nonWageEarners: 10, previousYear: 39000 },
      nonAsn: { workers: 500, covered: 100 },
      vulnerable: { coveredByRegionalBudget: 1, coveredByVillageBudget: 2 },
      villages: { total: 100, meeting100Target: 3 },
      budget: { allocatedIdr: 5000000000 },
      regulation: { level: 'perda' },
    },
  });

  const boundary = (body: unknown): FieldError[] => {
    const dto = plainToInstance(SubmitNominationDto, body as object);
    const errors = flattenValidationErrors(validateSync(dto, { whitelist: true, forbidNonWhitelisted: true }));
    if (errors.length > 0) return errors;
    return [...resolveNominee(dto.nominee, dto.province, regions).errors, ...checkIndicators(dto.nominee.kind, dto.indicators)];
  };
  /** What the intake would put on the events: a government nominee named from the official list, an absent copyTo left out. */
  const eventContent = (body: Record<string, unknown>) => {
    const nominee = body.nominee as Record<string, unknown> | null;
    const named =
      nominee && typeof nominee === 'object' && nominee.kind !== 'employer' && !('name' in nominee)
        ? { ...nominee, name: regions.get(String(nominee.regionCode))?.name }
        : nominee;
    const contact = body.contact as Record<string, unknown> | null;
    const copied = contact && typeof contact === 'object' && contact.copyTo === null ? { ...contact, copyTo: undefined } : contact;
    return JSON.parse(JSON.stringify({ nominee: named, contact: copied, indicators: body.indicators })) as Record<string, unknown>;
  };
  const schemaProblem = (body: unknown): string | undefined => {
    const content = eventContent(body as Record<string, unknown>);
    const ref = {
      nominationId: '6f1c0a8e-3b7d-4c1e-9a51-2f0d6c8b9e47',
      edition: '2024',
      tier: 'provincial',
      province: '15',
      category: 'x',
    };
    const at = '2025-03-01T08:00:00.000Z';
    try {
      events.validateData(EventTypes.NominationSubmitted, { ...ref, ...content, submittedAt: at, submittedBy: 'office' });
      events.validateData(EventTypes.NominationAmended, {
        ...ref,
        ...content,
        documents: [],
        version: 2,
        amendedFields: ['indicators'],
        submittedAt: at,
        amendedAt: at,
        amendedBy: 'office',
      });
      return undefined;
    } catch (error) {
      return (error as Error).message;
    }
  };
  const disagreement = (body: unknown): string | undefined => {
    const refusals = boundary(body);
    const problem = schemaProblem(body);
    if (refusals.length === 0) return problem && `the API accepts it, the schema refuses: ${problem}`;
    if (problem) return undefined;
    const unexplained = refusals.filter((e) => !RULES_BEYOND_THE_SCHEMA.some((rule) => rule(e)));
    return unexplained.length > 0 ? `the schema accepts it, the API refuses: ${JSON.stringify(unexplained)}` : undefined;
  };
  const carried = (m: { path: string }) => /^(nominee|contact|indicators)(\.|$)/.test(m.path);

  it.each([
    ['a regency nomination', valid()],
    ['a regency nomination with every indicator', regency()],
    ['an employer nomination', employer()],
    ['a province nomination', { ...valid(), nominee: { kind: 'province', regionCode: '15' }, indicators: {} }],
  ])('should both accept %s', (_, body) => {
    expect(boundary(body)).toEqual([]);
    expect(schemaProblem(body)).toBeUndefined();
  });

  it.each([
    ['a regency nomination', regency()],
    ['an employer nomination', employer()],
  ])('should agree on every systematic mutation of the nominee, contact and indicators of %s', (_, body) => {
    const disagreements = payloadMutations(body)
      .filter(carried)
      .map((m) => ({ at: `${m.path} ${m.change}`, why: disagreement(m.document) }))
      .filter((d) => d.why !== undefined);
    expect(disagreements).toEqual([]);
  });

  it('should agree on random nominees, contacts and indicators', () => {
    const paths = [regency(), employer()].flatMap((body) =>
      leafPaths(body)
        .filter((p) => carried({ path: p.join('.') }))
        .map((p) => ({ body, p })),
    );
    fc.assert(
      fc.property(fc.constantFrom(...paths), fc.jsonValue(), ({ body, p }, value) => {
        expect(disagreement(writeAt(body, p, value))).toBeUndefined();
      }),
      { numRuns: 300 },
    );
  });
});

const leafPaths = (node: unknown, path: string[] = []): string[][] =>
  node !== null && typeof node === 'object'
    ? [path, ...Object.entries(node).flatMap(([key, child]) => leafPaths(child, [...path, key]))]
    : [path];
