import { RegionDirectory, type Criterion, type EditionDefinition, type EligibilityRule, type Rubric } from '@paritrana/contracts';
import { checkEditionRules } from './edition-rules';

const regions = RegionDirectory.official();

const rubric = (): Rubric => ({
  version: 1,
  minAssessors: 1,
  eligibility: [{ indicator: 'regulation.level', equals: 'perda' }],
  criteria: [
    {
      code: 'coverage_pu',
      name: 'Coverage PU',
      weight: 25,
      value: { ratio: ['participants.wageEarners', 'workforce.wageEarners'] },
      scale: { linear: { min: 0, max: 1 } },
    },
    {
      code: 'growth',
      name: 'Pertumbuhan',
      weight: 10,
      value: { growth: ['participants.wageEarners', 'participants.previousYear'] },
      scale: {
        steps: [
          { gte: 0, score: 20 },
          { gte: 0.1, score: 100 },
        ],
      },
    },
    {
      code: 'regulation',
      name: 'Regulasi',
      weight: 15,
      value: { indicator: 'regulation.level' },
      scale: { map: { none: 0, decree: 60, perda: 100 } },
    },
    { code: 'interview', name: 'Wawancara', weight: 20, value: { panel: 'interview' }, scale: { linear: { min: 0, max: 100 } } },
  ],
  tieBreak: ['coverage_pu', 'regulation'],
});

/** A small edition that obeys every rule: two zones, one regency category judged at both tiers. */
const validEdition = (): EditionDefinition => ({
  code: '2024',
  name: 'Paritrana Award 2024',
  assessmentYear: 2024,
  awardYear: 2025,
  schedule: {
    provincial: { submissionsOpen: '2025-01-06T00:00:00Z', submissionsClose: '2025-02-28T16:59:59Z' },
    national: { submissionsOpen: '2025-04-01T00:00:00Z', submissionsClose: '2025-04-30T16:59:59Z' },
  },
  zones: [
    { code: 'sumatera', name: 'Sumatera', provinces: ['15', '16'] },
    { code: 'jawa', name: 'Jawa', provinces: ['31', '32'] },
  ],
  categories: [
    {
      code: 'regency',
      name: 'Kabupaten/Kota',
      nomineeKind: 'regency',
      tiers: ['provincial', 'national'],
      winners: 3,
      advance: 1,
      nationalScope: 'zone',
      rubrics: { provincial: rubric(), national: rubric() },
    },
  ],
});

const CRITERIA = 'categories.0.rubrics.provincial.criteria';

/** The valid edition with its provincial rubric's first criterion changed. */
function withFirstCriterion(change: Partial<Record<keyof Criterion, unknown>>): EditionDefinition {
  const edition = validEdition();
  const rubric = edition.categories[0].rubrics.provincial as Rubric;
  rubric.criteria[0] = { ...rubric.criteria[0], ...change } as Criterion;
  return edition;
}

function withEligibility(rule: Record<string, unknown>): EditionDefinition {
  const edition = validEdition();
  (edition.categories[0].rubrics.provincial as Rubric).eligibility = [rule as unknown as EligibilityRule];
  return edition;
}

describe('checkEditionRules', () => {
  it('should report no problems when the edition obeys every rule', () => {
    const sut = checkEditionRules(validEdition(), regions);

    expect(sut).toEqual([]);
  });

  it('should report no problems when a provincial-only category has no zones and no national schedule', () => {
    const edition = validEdition();
    delete edition.schedule.national;
    edition.zones = [];
    edition.categories[0] = {
      ...edition.categories[0],
      tiers: ['provincial'],
      nationalScope: 'national',
      rubrics: { provincial: rubric() },
    };

    expect(checkEditionRules(edition, regions)).toEqual([]);
  });

  describe('schedule', () => {
    it('should refuse a provincial window when it closes before it opens', () => {
      const edition = validEdition();
      edition.schedule.provincial = { submissionsOpen: '2025-02-28T00:00:00Z', submissionsClose: '2025-01-06T00:00:00Z' };

      expect(checkEditionRules(edition, regions)).toEqual([
        { path: 'schedule.provincial.submissionsClose', message: 'the window must close after it opens' },
      ]);
    });

    it('should refuse a window when it closes at the instant it opens', () => {
      const edition = validEdition();
      edition.schedule.provincial = { submissionsOpen: '2025-01-06T07:00:00+07:00', submissionsClose: '2025-01-06T00:00:00Z' };

      expect(checkEditionRules(edition, regions)).toEqual([
        { path: 'schedule.provincial.submissionsClose', message: 'the window must close after it opens' },
      ]);
    });

    it('should refuse a national window when it closes before it opens', () => {
      const edition = validEdition();
      edition.schedule.national = { submissionsOpen: '2025-04-30T00:00:00Z', submissionsClose: '2025-04-01T00:00:00Z' };

      expect(checkEditionRules(edition, regions)).toEqual([
        { path: 'schedule.national.submissionsClose', message: 'the window must close after it opens' },
      ]);
    });
  });

  describe('zones', () => {
    it('should refuse a zone province when the code is not an official province', () => {
      const edition = validEdition();
      edition.zones[0].provinces = ['15', '99'];

      expect(checkEditionRules(edition, regions)).toEqual([
        { path: 'zones.0.provinces.1', message: '99 is not an official province code' },
      ]);
    });

    it('should refuse a zone province when the code is a regency rather than a province', () => {
      const edition = validEdition();
      edition.zones[1].provinces = ['31', '15.08'];

      expect(checkEditionRules(edition, regions)).toEqual([
        { path: 'zones.1.provinces.1', message: '15.08 is not an official province code' },
      ]);
    });

    it('should refuse a province when it is already in another zone', () => {
      const edition = validEdition();
      edition.zones[1].provinces = ['31', '32', '15'];

      expect(checkEditionRules(edition, regions)).toEqual([
        { path: 'zones.1.provinces.2', message: 'province 15 is already in zone sumatera' },
      ]);
    });

    it('should refuse a zone code when it is defined twice', () => {
      const edition = validEdition();
      edition.zones[1].code = 'sumatera';

      expect(checkEditionRules(edition, regions)).toEqual([{ path: 'zones.1.code', message: 'zone sumatera is defined twice' }]);
    });
  });

  describe('categories', () => {
    it('should refuse a category code when it is defined twice', () => {
      const edition = validEdition();
      edition.categories.push({ ...edition.categories[0], name: 'Kabupaten/Kota (lagi)' });

      expect(checkEditionRules(edition, regions)).toEqual([{ path: 'categories.1.code', message: 'category regency is defined twice' }]);
    });

    it('should refuse advance when it exceeds winners', () => {
      const edition = validEdition();
      edition.categories[0].advance = 4;

      expect(checkEditionRules(edition, regions)).toEqual([
        { path: 'categories.0.advance', message: 'advance (4) cannot exceed winners (3)' },
      ]);
    });

    it('should accept advance when it equals winners', () => {
      const edition = validEdition();
      edition.categories[0].advance = 3;

      expect(checkEditionRules(edition, regions)).toEqual([]);
    });

    it('should refuse a national tier when the schedule has no national window', () => {
      const edition = validEdition();
      delete edition.schedule.national;

      expect(checkEditionRules(edition, regions)).toEqual([
        { path: 'categories.0.tiers', message: 'a national tier needs schedule.national' },
      ]);
    });

    it('should refuse zone scope when the edition has no zones', () => {
      const edition = validEdition();
      edition.zones = [];

      expect(checkEditionRules(edition, regions)).toEqual([{ path: 'categories.0.nationalScope', message: 'zone scope needs zones' }]);
    });

    it('should refuse a tier when it has no rubric', () => {
      const edition = validEdition();
      delete edition.categories[0].rubrics.national;

      expect(checkEditionRules(edition, regions)).toEqual([
        { path: 'categories.0.rubrics.national', message: 'the national tier needs a rubric' },
      ]);
    });

    it('should refuse a rubric when its tier is not among the category tiers', () => {
      const edition = validEdition();
      edition.categories[0].tiers = ['provincial'];

      expect(checkEditionRules(edition, regions)).toEqual([
        { path: 'categories.0.rubrics.national', message: "national is not among the category's tiers" },
      ]);
    });
  });

  describe('criteria', () => {
    it('should refuse a criterion code when it is defined twice in a rubric', () => {
      const edition = validEdition();
      const provincial = edition.categories[0].rubrics.provincial as Rubric;
      provincial.criteria[1] = { ...provincial.criteria[1], code: 'coverage_pu' };
      provincial.tieBreak = ['coverage_pu'];

      expect(checkEditionRules(edition, regions)).toEqual([
        { path: `${CRITERIA}.1.code`, message: 'criterion coverage_pu is defined twice' },
      ]);
    });

    it('should check the national rubric too when it has a problem', () => {
      const edition = validEdition();
      const national = edition.categories[0].rubrics.national as Rubric;
      national.criteria[2] = { ...national.criteria[2], value: { indicator: 'regulation.tier' } };

      expect(checkEditionRules(edition, regions)).toEqual([
        { path: 'categories.0.rubrics.national.criteria.2.value.indicator', message: 'unknown indicator regulation.tier' },
      ]);
    });
  });

  describe('value sources', () => {
    it('should refuse an indicator source when the indicator is unknown', () => {
      const sut = checkEditionRules(withFirstCriterion({ value: { indicator: 'workforce.total' } }), regions);

      expect(sut).toEqual([{ path: `${CRITERIA}.0.value.indicator`, message: 'unknown indicator workforce.total' }]);
    });

    it('should name the index of a ratio path when that indicator is unknown', () => {
      const sut = checkEditionRules(withFirstCriterion({ value: { ratio: ['participants.wageEarners', 'workforce.all'] } }), regions);

      expect(sut).toEqual([{ path: `${CRITERIA}.0.value.ratio.1`, message: 'unknown indicator workforce.all' }]);
    });

    it('should name both ratio paths when neither indicator is known', () => {
      const sut = checkEditionRules(withFirstCriterion({ value: { ratio: ['a.b', 'c.d'] } }), regions);

      expect(sut).toEqual([
        { path: `${CRITERIA}.0.value.ratio.0`, message: 'unknown indicator a.b' },
        { path: `${CRITERIA}.0.value.ratio.1`, message: 'unknown indicator c.d' },
      ]);
    });

    it('should refuse a growth source when it has one path instead of two', () => {
      const sut = checkEditionRules(withFirstCriterion({ value: { growth: ['participants.wageEarners'] } }), regions);

      expect(sut).toEqual([{ path: `${CRITERIA}.0.value.growth`, message: 'growth takes two indicator paths' }]);
    });

    it('should refuse a growth source when it has three paths', () => {
      const sut = checkEditionRules(
        withFirstCriterion({ value: { growth: ['participants.wageEarners', 'participants.previousYear', 'villages.total'] } }),
        regions,
      );

      expect(sut).toEqual([{ path: `${CRITERIA}.0.value.growth`, message: 'growth takes two indicator paths' }]);
    });

    it('should refuse a ratio source when it is not a list', () => {
      const sut = checkEditionRules(withFirstCriterion({ value: { ratio: 'participants.wageEarners' } }), regions);

      expect(sut).toEqual([{ path: `${CRITERIA}.0.value.ratio`, message: 'ratio takes two indicator paths' }]);
    });

    it('should refuse a panel source when the name is not a lower-case round name', () => {
      const sut = checkEditionRules(withFirstCriterion({ value: { panel: 'Interview Round' } }), regions);

      expect(sut).toEqual([{ path: `${CRITERIA}.0.value.panel`, message: 'panel names an assessment round, e.g. "interview"' }]);
    });

    it('should refuse a panel source when the name is longer than 40 characters', () => {
      const sut = checkEditionRules(withFirstCriterion({ value: { panel: `i${'n'.repeat(40)}` } }), regions);

      expect(sut).toEqual([{ path: `${CRITERIA}.0.value.panel`, message: 'panel names an assessment round, e.g. "interview"' }]);
    });

    it('should refuse a value when it names no known kind of source', () => {
      const sut = checkEditionRules(withFirstCriterion({ value: { formula: 'a / b' } }), regions);

      expect(sut).toEqual([{ path: `${CRITERIA}.0.value`, message: 'value needs exactly one of indicator, ratio, growth or panel' }]);
    });

    it('should refuse a value when it names two kinds of source', () => {
      const sut = checkEditionRules(withFirstCriterion({ value: { indicator: 'villages.total', panel: 'interview' } }), regions);

      expect(sut).toEqual([{ path: `${CRITERIA}.0.value`, message: 'value needs exactly one of indicator, ratio, growth or panel' }]);
    });
  });

  describe('scales', () => {
    it('should refuse a linear scale when max equals min', () => {
      const sut = checkEditionRules(withFirstCriterion({ scale: { linear: { min: 1, max: 1 } } }), regions);

      expect(sut).toEqual([{ path: `${CRITERIA}.0.scale.linear.max`, message: 'max must be greater than min' }]);
    });

    it('should refuse a linear scale when max is below min', () => {
      const sut = checkEditionRules(withFirstCriterion({ scale: { linear: { min: 1, max: 0 } } }), regions);

      expect(sut).toEqual([{ path: `${CRITERIA}.0.scale.linear.max`, message: 'max must be greater than min' }]);
    });

    it('should refuse a linear scale when min is not a number', () => {
      const sut = checkEditionRules(withFirstCriterion({ scale: { linear: { min: '0', max: 1 } } }), regions);

      expect(sut).toEqual([{ path: `${CRITERIA}.0.scale.linear`, message: 'linear needs numeric min and max' }]);
    });

    it('should refuse a step when its score is above 100', () => {
      const sut = checkEditionRules(
        withFirstCriterion({
          scale: {
            steps: [
              { gte: 0, score: 20 },
              { gte: 0.5, score: 101 },
            ],
          },
        }),
        regions,
      );

      expect(sut).toEqual([{ path: `${CRITERIA}.0.scale.steps.1.score`, message: 'score must be a number in [0, 100]' }]);
    });

    it('should refuse a step when its score is negative', () => {
      const sut = checkEditionRules(withFirstCriterion({ scale: { steps: [{ gte: 0, score: -1 }] } }), regions);

      expect(sut).toEqual([{ path: `${CRITERIA}.0.scale.steps.0.score`, message: 'score must be a number in [0, 100]' }]);
    });

    it('should refuse a step when its threshold is not a number', () => {
      const sut = checkEditionRules(withFirstCriterion({ scale: { steps: [{ gte: 'half', score: 50 }] } }), regions);

      expect(sut).toEqual([{ path: `${CRITERIA}.0.scale.steps.0.gte`, message: 'gte must be a number' }]);
    });

    it('should refuse a steps scale when it has no steps', () => {
      const sut = checkEditionRules(withFirstCriterion({ scale: { steps: [] } }), regions);

      expect(sut).toEqual([{ path: `${CRITERIA}.0.scale.steps`, message: 'steps needs at least one { gte, score }' }]);
    });

    it('should refuse a map scale when it is empty', () => {
      const sut = checkEditionRules(withFirstCriterion({ scale: { map: {} } }), regions);

      expect(sut).toEqual([{ path: `${CRITERIA}.0.scale.map`, message: 'map needs at least one value: score pair' }]);
    });

    it('should refuse a map entry when its score is above 100', () => {
      const sut = checkEditionRules(withFirstCriterion({ scale: { map: { none: 0, decree: 60, perda: 120 } } }), regions);

      expect(sut).toEqual([{ path: `${CRITERIA}.0.scale.map.perda`, message: 'score must be a number in [0, 100]' }]);
    });

    it('should refuse a scale when its kind is unknown', () => {
      const sut = checkEditionRules(withFirstCriterion({ scale: { logarithmic: { base: 10 } } }), regions);

      expect(sut).toEqual([{ path: `${CRITERIA}.0.scale`, message: 'scale needs exactly one of linear, steps or map' }]);
    });

    it('should refuse a scale when it names two kinds', () => {
      const sut = checkEditionRules(withFirstCriterion({ scale: { linear: { min: 0, max: 1 }, map: { none: 0 } } }), regions);

      expect(sut).toEqual([{ path: `${CRITERIA}.0.scale`, message: 'scale needs exactly one of linear, steps or map' }]);
    });
  });

  describe('tie-break', () => {
    it('should refuse a tie-break entry when it names an unknown criterion', () => {
      const edition = validEdition();
      (edition.categories[0].rubrics.provincial as Rubric).tieBreak = ['coverage_pu', 'coverage_bpu'];

      expect(checkEditionRules(edition, regions)).toEqual([
        { path: 'categories.0.rubrics.provincial.tieBreak.1', message: 'tie-break names unknown criterion coverage_bpu' },
      ]);
    });
  });

  describe('eligibility', () => {
    const RULE = 'categories.0.rubrics.provincial.eligibility.0';

    it('should accept an includesAll rule when it names a known indicator', () => {
      const sut = checkEditionRules(withEligibility({ indicator: 'programs', includesAll: ['JKK', 'JKM'] }), regions);

      expect(sut).toEqual([]);
    });

    it('should refuse a rule when its indicator is unknown', () => {
      const sut = checkEditionRules(withEligibility({ indicator: 'pds.salary', equals: false }), regions);

      expect(sut).toEqual([{ path: `${RULE}.indicator`, message: 'unknown indicator pds.salary' }]);
    });

    it('should refuse a rule when it has both equals and includesAll', () => {
      const sut = checkEditionRules(withEligibility({ indicator: 'programs', equals: ['JKK'], includesAll: ['JKK'] }), regions);

      expect(sut).toEqual([{ path: RULE, message: 'a rule has exactly one of equals or includesAll (an array)' }]);
    });

    it('should refuse a rule when it has neither equals nor includesAll', () => {
      const sut = checkEditionRules(withEligibility({ indicator: 'pds.workers' }), regions);

      expect(sut).toEqual([{ path: RULE, message: 'a rule has exactly one of equals or includesAll (an array)' }]);
    });

    it('should refuse a rule when includesAll is not an array', () => {
      const sut = checkEditionRules(withEligibility({ indicator: 'programs', includesAll: 'JKK' }), regions);

      expect(sut).toEqual([{ path: RULE, message: 'a rule has exactly one of equals or includesAll (an array)' }]);
    });
  });

  it('should report every problem at once when the edition has several', () => {
    const edition = validEdition();
    edition.schedule.provincial.submissionsClose = '2024-12-31T00:00:00Z';
    edition.zones[0].provinces = ['15', '99'];
    edition.categories[0].advance = 5;
    const provincial = edition.categories[0].rubrics.provincial as Rubric;
    provincial.criteria[0] = { ...provincial.criteria[0], scale: { linear: { min: 1, max: 0 } } };
    provincial.tieBreak = ['nope'];

    const sut = checkEditionRules(edition, regions);

    expect(sut).toEqual([
      { path: 'schedule.provincial.submissionsClose', message: 'the window must close after it opens' },
      { path: 'zones.0.provinces.1', message: '99 is not an official province code' },
      { path: 'categories.0.advance', message: 'advance (5) cannot exceed winners (3)' },
      { path: `${CRITERIA}.0.scale.linear.max`, message: 'max must be greater than min' },
      { path: 'categories.0.rubrics.provincial.tieBreak.0', message: 'tie-break names unknown criterion nope' },
    ]);
  });
});
