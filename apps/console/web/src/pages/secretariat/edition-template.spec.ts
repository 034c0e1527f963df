import { nextEditionFrom } from './edition-template';

describe('nextEditionFrom', () => {
  const edition = {
    code: '2024',
    name: 'Paritrana Award 2024',
    assessmentYear: 2023,
    awardYear: 2024,
    schedule: {
      provincial: { submissionsOpen: '2025-01-01T00:00:00.000Z', submissionsClose: '2025-03-31T16:59:59.000Z' },
      national: undefined,
    },
    categories: [{ code: 'regency' }],
  };

  it('should move the code, name, years and windows on by a year and keep the rest when the code is a year', () => {
    expect(nextEditionFrom(edition)).toEqual({
      code: '2025',
      name: 'Paritrana Award 2025',
      assessmentYear: 2024,
      awardYear: 2025,
      schedule: { provincial: { submissionsOpen: '2026-01-01T00:00:00.000Z', submissionsClose: '2026-03-31T16:59:59.000Z' } },
      categories: [{ code: 'regency' }],
    });
  });

  it('should add the award year to the code and name when they do not carry the year', () => {
    expect(nextEditionFrom({ ...edition, code: 'uji', name: 'Uji coba' })).toMatchObject({ code: 'uji-2025', name: 'Uji coba 2025' });
  });
});
