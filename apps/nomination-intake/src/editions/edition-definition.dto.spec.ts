import 'reflect-metadata';
import { EventTypes, EventValidator, RegionDirectory } from '@paritrana/contracts';
import { payloadMutations, writeAt } from '@paritrana/contracts/events/payload-mutations';
import { flattenValidationErrors, type FieldError } from '@paritrana/platform';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openRegencyEdition, panelRegencyEdition, twoTierEdition } from '@paritrana/testing/editions';
import { EditionDefinitionDto } from './edition-definition.dto';
import { checkEditionRules } from './edition-rules';

const rubric = () => ({
  version: 1,
  minAssessors: 1,
  eligibility: [],
  criteria: [
    {
      code: 'coverage_pu',
      name: 'Coverage PU',
      weight: 25,
      value: { indicator: 'participants.wageEarners' },
      scale: { linear: { min: 0, max: 1 } },
    },
  ],
  tieBreak: [],
});
const valid = () => ({
  code: '2024',
  name: 'Paritrana Award 2024',
  assessmentYear: 2023,
  awardYear: 2024,
  schedule: { provincial: { submissionsOpen: '2025-01-01T00:00:00Z', submissionsClose: '2025-06-30T23:59:59Z' } },
  zones: [{ code: 'sumatera', name: 'Zona Sumatera', provinces: ['15'] }],
  categories: [
    {
      code: 'regency',
      name: 'Pemerintah Kabupaten/Kota',
      nomineeKind: 'regency',
      tiers: ['provincial'],
      winners: 3,
      advance: 1,
      nationalScope: 'national',
      rubrics: { provincial: rubric() },
    },
  ],
});

const problems = (body: unknown) =>
  flattenValidationErrors(
    validateSync(plainToInstance(EditionDefinitionDto, body as object), { whitelist: true, forbidNonWhitelisted: true }),
  ).map((e) => e.path);

const withCategory = (change: Record<string, unknown>) => ({ ...valid(), categories: [{ ...valid().categories[0], ...change }] });
const withCriterion = (change: Record<string, unknown>) =>
  withCategory({ rubrics: { provincial: { ...rubric(), criteria: [{ ...rubric().criteria[0], ...change }] } } });

describe('EditionDefinitionDto', () => {
  it('should accept a complete definition', () => {
    expect(problems(valid())).toEqual([]);
  });

  it.each([
    ['code', { ...valid(), code: 'edisi 2024!' }],
    ['assessmentYear', { ...valid(), assessmentYear: 1999 }],
    ['awardYear', { ...valid(), awardYear: 2024.5 }],
    [
      'schedule.provincial.submissionsOpen',
      { ...valid(), schedule: { provincial: { submissionsOpen: 'soon', submissionsClose: '2025-06-30T23:59:59Z' } } },
    ],
    ['zones.0.provinces', { ...valid(), zones: [{ code: 'sumatera', name: 'Zona Sumatera', provinces: ['Jambi'] }] }],
    ['zones.0.code', { ...valid(), zones: [{ code: 'Zona Sumatera', name: 'Zona Sumatera', provinces: ['15'] }] }],
    ['categories', { ...valid(), categories: [] }],
    ['categories.0.nomineeKind', withCategory({ nomineeKind: 'company' })],
    ['categories.0.tiers', withCategory({ tiers: ['regional'] })],
    ['categories.0.winners', withCategory({ winners: 0 })],
    ['categories.0.winners', withCategory({ winners: 11 })],
    ['categories.0.advance', withCategory({ advance: -1 })],
    ['categories.0.nationalScope', withCategory({ nationalScope: 'island' })],
    ['categories.0.rubrics.provincial.version', withCategory({ rubrics: { provincial: { ...rubric(), version: 0 } } })],
    ['categories.0.rubrics.provincial.minAssessors', withCategory({ rubrics: { provincial: { ...rubric(), minAssessors: -1 } } })],
    ['categories.0.rubrics.provincial.criteria', withCategory({ rubrics: { provincial: { ...rubric(), criteria: [] } } })],
    ['categories.0.rubrics.provincial.criteria.0.weight', withCriterion({ weight: 0 })],
    ['categories.0.rubrics.provincial.criteria.0.weight', withCriterion({ weight: -5 })],
    ['categories.0.rubrics.provincial.criteria.0.code', withCriterion({ code: 'Coverage PU' })],
    ['categories.0.rubrics.provincial.criteria.0.aggregate', withCriterion({ aggregate: 'mode' })],
    ['categories.0.rubrics.provincial.criteria.0.value', withCriterion({ value: 'participants' })],
    ['categories.0.rubrics.provincial.criteria.0.scale', withCriterion({ scale: [] })],
  ])('should refuse %s', (path, body) => {
    expect(problems(body)).toContain(path);
  });
});

/**
 * The HTTP boundary (this DTO, then the edition rules) and the schema of paritrana.edition.defined.v1
 * must accept and refuse the same definitions, so no edition the API accepts is a poison event and
 * no rule lives on one side only. The schema cannot hold the rules below (cross-field, or the
 * official lists), so a definition the schema accepts may still be refused for one of them.
 */
describe('EditionDefinitionDto and the edition defined event schema', () => {
  const regions = RegionDirectory.official();
  const events = new EventValidator();
  const RULES_BEYOND_THE_SCHEMA = [
    /^the window must close after it opens$/,
    /^(zone|category|criterion) \S+ is defined twice$/,
    /^\S+ is not an official province code$/,
    /^province \S+ is already in zone \S+$/,
    /^advance \(\S+\) cannot exceed winners \(\S+\)$/,
    /^a national tier needs schedule\.national$/,
    /^zone scope needs zones$/,
    /^the \w+ tier needs a rubric$/,
    /^\w+ is not among the category's tiers$/,
    /^tie-break names unknown criterion /,
    /^unknown indicator /,
    /^max must be greater than min$/,
  ];
  const boundary = (body: unknown): FieldError[] => {
    const dto = plainToInstance(EditionDefinitionDto, body as object);
    const errors = flattenValidationErrors(validateSync(dto, { whitelist: true, forbidNonWhitelisted: true }));
    return errors.length > 0 ? errors : checkEditionRules(dto, regions);
  };
  const schemaProblem = (definition: unknown): string | undefined => {
    try {
      events.validateData(EventTypes.EditionDefined, { definition, definedAt: '2025-01-01T00:00:00.000Z', definedBy: 'secretariat' });
      return undefined;
    } catch (error) {
      return (error as Error).message;
    }
  };
  /** Undefined when they agree, else what differs. */
  const disagreement = (body: unknown): string | undefined => {
    const refusals = boundary(body);
    const problem = schemaProblem(body);
    if (refusals.length === 0) return problem && `the API accepts it, the schema refuses: ${problem}`;
    if (problem) return undefined;
    const unexplained = refusals.filter((e) => !RULES_BEYOND_THE_SCHEMA.some((rule) => rule.test(e.message)));
    return unexplained.length > 0 ? `the schema accepts it, the API refuses: ${JSON.stringify(unexplained)}` : undefined;
  };

  const demo = () => JSON.parse(readFileSync(join(__dirname, '../../../../deploy/demo/edition-2024.json'), 'utf8')) as unknown;
  /** Small, but with every variant: both tiers, zones, each value source, scale and eligibility rule. */
  const complete = () => {
    const edition = twoTierEdition('2030', 'zone');
    const provincial = edition.categories[0].rubrics.provincial!;
    provincial.eligibility = [
      { indicator: 'regulation.level', equals: 'perda' },
      { indicator: 'programs', includesAll: ['JKK'] },
    ];
    provincial.criteria.push(
      {
        code: 'growth',
        name: 'Growth',
        weight: 10,
        value: { growth: ['participants.wageEarners', 'participants.previousYear'] },
        scale: { steps: [{ gte: 0, score: 50 }] },
      },
      {
        code: 'interview',
        name: 'Wawancara',
        weight: 20,
        value: { panel: 'interview' },
        scale: { linear: { min: 0, max: 100 } },
        aggregate: 'median',
      },
    );
    return JSON.parse(JSON.stringify({ ...edition, panelNormalization: 'zscore' })) as unknown;
  };

  const withNationalWindow = () => {
    const edition = openRegencyEdition('2030');
    return { ...edition, schedule: { ...edition.schedule, national: edition.schedule.provincial } };
  };

  it.each([
    ['the demo edition', demo()],
    ['the open regency edition', openRegencyEdition('2030')],
    ['the panel edition', panelRegencyEdition('2030', 2, 'zscore')],
    ['the two-tier zone edition', twoTierEdition('2030', 'zone', 2)],
    ['the two-tier national edition', twoTierEdition('2030', 'national')],
    ['the complete edition', complete()],
    ['an edition with a national window and no national tier', withNationalWindow()],
  ])('should both accept %s', (_, definition) => {
    expect(boundary(definition)).toEqual([]);
    expect(schemaProblem(definition)).toBeUndefined();
  });

  it('should agree on every systematic mutation of a complete definition', () => {
    const disagreements = [
      ...payloadMutations(complete()),
      ...payloadMutations(withNationalWindow()).filter((m) => m.path.startsWith('schedule')),
    ]
      .map((m) => ({ at: `${m.path} ${m.change}`, why: disagreement(m.document) }))
      .filter((d) => d.why !== undefined);
    expect(disagreements).toEqual([]);
  });

  it('should agree on random changes anywhere in the demo edition', () => {
    const paths = leafPaths(demo());
    fc.assert(
      fc.property(fc.constantFrom(...paths), fc.jsonValue(), (path, value) => {
        expect(disagreement(writeAt(demo(), path, value))).toBeUndefined();
      }),
      { numRuns: 100 },
    );
  });
});

const leafPaths = (node: unknown, path: string[] = []): string[][] =>
  node !== null && typeof node === 'object'
    ? [path, ...Object.entries(node).flatMap(([key, child]) => leafPaths(child, [...path, key]))]
    : [path];
