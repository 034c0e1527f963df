import { anchorId, anchorOf, parseDocument, previewOf } from './edition-preview';

const edition = {
  code: '2025',
  name: 'Paritrana Award 2025',
  assessmentYear: 2024,
  awardYear: 2025,
  schedule: { provincial: { submissionsOpen: '2026-01-01T00:00:00Z', submissionsClose: '2026-03-31T23:59:59Z' } },
  zones: [{ code: 'sumatera', name: 'Zona Sumatera', provinces: ['15', '16'] }],
  categories: [
    {
      code: 'regency',
      name: 'Pemerintah Kabupaten/Kota',
      nomineeKind: 'regency',
      tiers: ['provincial'],
      winners: 3,
      advance: 1,
      nationalScope: 'national',
      rubrics: {
        provincial: {
          version: 1,
          minAssessors: 2,
          eligibility: [{ indicator: 'programs', includesAll: ['JKK', 'JKM'] }],
          criteria: [
            {
              code: 'regulation',
              name: 'Regulasi',
              weight: 10,
              value: { indicator: 'regulation.level' },
              scale: { map: { none: 0, perda: 100 } },
            },
            {
              code: 'coverage',
              name: 'Coverage',
              weight: 30,
              value: { ratio: ['participants.wageEarners', 'workforce.wageEarners'] },
              scale: { linear: { min: 0, max: 1 } },
            },
          ],
          tieBreak: ['coverage'],
        },
      },
    },
  ],
};

describe('previewOf', () => {
  it('should total the weights and give each criterion its share when the rubric is complete', () => {
    const [rubric] = previewOf(edition).categories[0].rubrics;

    expect(rubric.weightTotal).toBe(40);
    expect(rubric.criteria.map((c) => [c.code, c.share])).toEqual([
      ['regulation', 0.25],
      ['coverage', 0.75],
    ]);
    expect(rubric.criteria[1]).toMatchObject({
      path: 'categories.0.rubrics.provincial.criteria.1',
      value: { kind: 'ratio', indicators: ['participants.wageEarners', 'workforce.wageEarners'] },
      scale: { kind: 'linear', min: 0, max: 1 },
    });
    expect(rubric.eligibility).toEqual([{ indicator: 'programs', equals: undefined, includesAll: ['JKK', 'JKM'] }]);
  });

  it('should put the provincial round before the national one whatever the document’s order', () => {
    const preview = previewOf({
      schedule: { national: {}, provincial: {} },
      categories: [{ rubrics: { national: {}, provincial: {} } }],
    });

    expect(preview.schedule.map((w) => w.tier)).toEqual(['provincial', 'national']);
    expect(preview.categories[0].rubrics.map((r) => r.tier)).toEqual(['provincial', 'national']);
  });

  it('should read the schedule and zones with their paths', () => {
    const preview = previewOf(edition);

    expect(preview.schedule).toEqual([
      { path: 'schedule.provincial', tier: 'provincial', open: '2026-01-01T00:00:00Z', close: '2026-03-31T23:59:59Z' },
    ]);
    expect(preview.zones).toEqual([{ path: 'zones.0', code: 'sumatera', name: 'Zona Sumatera', provinces: ['15', '16'] }]);
  });

  it('should show what it can and leave out the rest when the document is not an edition', () => {
    const preview = previewOf({ name: 42, categories: [{ rubrics: { provincial: { criteria: [{ weight: 'ten', scale: {} }] } } }] });

    expect(preview.name).toBeUndefined();
    expect(preview.categories[0].rubrics[0]).toMatchObject({
      weightTotal: 0,
      criteria: [{ weight: undefined, share: undefined, scale: { kind: 'unknown' } }],
    });
    expect(previewOf('not an object')).toMatchObject({ schedule: [], zones: [], categories: [] });
  });
});

describe('anchorOf', () => {
  it.each([
    ['categories.0.rubrics.provincial.criteria.1.weight', 'categories.0.rubrics.provincial.criteria.1'],
    ['categories[0].rubrics.provincial.criteria[1].scale.linear.max', 'categories.0.rubrics.provincial.criteria.1'],
    ['categories.0.rubrics.national', 'categories.0.rubrics.national'],
    ['categories.2.advance', 'categories.2'],
    ['zones.1.provinces.0', 'zones.1'],
    ['schedule.provincial.submissionsClose', 'schedule.provincial'],
    ['code', 'general'],
  ])('should place %s at %s', (path, anchor) => {
    expect(anchorOf(path)).toBe(anchor);
  });

  it('should make a DOM id of an anchor', () => {
    expect(anchorId('categories.0.rubrics.provincial')).toBe('bagian-categories-0-rubrics-provincial');
  });
});

describe('parseDocument', () => {
  it('should answer the value when the document is JSON', () => {
    expect(parseDocument('{"code":"2025"}')).toEqual({ ok: true, value: { code: '2025' } });
  });

  it('should say on which line and column the document stops being JSON', () => {
    const parsed = parseDocument('{\n  "code": "2025",\n  "name" "x"\n}');

    expect(parsed).toMatchObject({ ok: false, line: 3 });
    expect(parsed.ok === false && parsed.column).toBeGreaterThan(1);
  });
});
