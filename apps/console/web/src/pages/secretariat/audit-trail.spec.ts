import { describeDetails, mergeTrails, type AuditEntry } from './audit-trail';

const entry = (id: string, at: string, action: string): AuditEntry => ({
  id,
  at,
  actor: 'kanwil-sumbagsel',
  actorRole: 'regional-office',
  action,
  nominationId: null,
  province: '15',
  details: {},
});

describe('mergeTrails', () => {
  it('should merge the services’ entries newest first and keep the limit', () => {
    const merged = mergeTrails(
      {
        intake: [entry('2', '2024-06-02T00:00:00Z', 'nomination.amended'), entry('1', '2024-06-01T00:00:00Z', 'nomination.submitted')],
        scoring: [entry('1', '2024-06-03T00:00:00Z', 'assessment.recorded')],
      },
      2,
    );

    expect(merged.map((e) => [e.service, e.action])).toEqual([
      ['scoring', 'assessment.recorded'],
      ['intake', 'nomination.amended'],
    ]);
    expect(merged[0].key).toBe('scoring:1');
  });
});

describe('describeDetails', () => {
  it('should write the details in one line', () => {
    expect(describeDetails({ fields: ['indicators', 'contact'], version: 2, board: { id: 'x' } })).toBe(
      'fields: indicators, contact · version: 2 · board: {"id":"x"}',
    );
  });
});
