import 'reflect-metadata';
import { flattenValidationErrors } from '@paritrana/platform';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { EditionDefinitionDto } from './edition-definition.dto';

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
