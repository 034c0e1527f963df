import type { EditionDefinitionDto } from '../../api/generated/intake/types.gen';
import {
  groupQueue,
  nextStop,
  openingRound,
  progressOf,
  roundCriteria,
  roundName,
  scoresText,
  waitingStops,
  type QueuedNomination,
} from './queue';

const mine = { id: 'a1', submittedAt: '2024-05-01T08:00:00.000Z', conflictOfInterest: false };
const nomination = (nominationId: string, category: string, scored: string[], province = '15'): QueuedNomination => ({
  nominationId,
  tier: 'provincial',
  province,
  category,
  nominee: { kind: 'regency', name: `Kabupaten ${nominationId}`, regionCode: '15.08' },
  scoreStatus: 'provisional',
  minAssessors: 1,
  rounds: ['verification', 'interview'].map((round) => ({ round, mine: scored.includes(round) ? mine : null, assessors: 0 })),
});
const queue = [
  nomination('bungo', 'regency', ['verification', 'interview']),
  nomination('tebo', 'regency', ['verification']),
  nomination('arang', 'village', []),
];

describe('the assessor’s queue', () => {
  it('should count the rounds the assessor has done, a declared conflict included', () => {
    const conflicted = nomination('kerinci', 'regency', []);
    conflicted.rounds[0].mine = { ...mine, conflictOfInterest: true };

    expect(progressOf(queue)).toEqual({ done: 3, total: 6 });
    expect(progressOf([conflicted])).toEqual({ done: 1, total: 2 });
  });

  it('should group by board in the queue’s order, with the progress of each round', () => {
    const groups = groupQueue([...queue, nomination('ogan', 'regency', [], '16')]);

    expect(groups.map((g) => [g.key, g.nominations.map((n) => n.nominationId), g.rounds])).toEqual([
      [
        'provincial:15:regency',
        ['bungo', 'tebo'],
        [
          { round: 'verification', done: 2, total: 2 },
          { round: 'interview', done: 1, total: 2 },
        ],
      ],
      [
        'provincial:15:village',
        ['arang'],
        [
          { round: 'verification', done: 0, total: 1 },
          { round: 'interview', done: 0, total: 1 },
        ],
      ],
      [
        'provincial:16:regency',
        ['ogan'],
        [
          { round: 'verification', done: 0, total: 1 },
          { round: 'interview', done: 0, total: 1 },
        ],
      ],
    ]);
  });

  it('should group the national round by category, whatever the province', () => {
    const national = [
      { ...nomination('bungo', 'regency', []), tier: 'national' as const },
      { ...nomination('ogan', 'regency', [], '16'), tier: 'national' as const },
    ];

    expect(groupQueue(national).map((g) => [g.key, g.province, g.nominations.length])).toEqual([
      ['national:national:regency', undefined, 2],
    ]);
  });

  it('should list what still waits, in order', () => {
    expect(waitingStops(queue)).toEqual([
      { nominationId: 'tebo', round: 'interview' },
      { nominationId: 'arang', round: 'verification' },
      { nominationId: 'arang', round: 'interview' },
    ]);
  });

  it('should go next to the same nomination’s next waiting round, then the following nominations, wrapping around', () => {
    expect(nextStop(queue, { nominationId: 'arang', round: 'verification' })).toEqual({ nominationId: 'arang', round: 'interview' });
    expect(nextStop(queue, { nominationId: 'tebo', round: 'interview' })).toEqual({ nominationId: 'arang', round: 'verification' });
    expect(nextStop(queue, { nominationId: 'arang', round: 'interview' })).toEqual({ nominationId: 'tebo', round: 'interview' });
    expect(nextStop(queue, { nominationId: 'gone', round: 'interview' })).toEqual({ nominationId: 'tebo', round: 'interview' });
    expect(nextStop([queue[0]], { nominationId: 'bungo', round: 'interview' })).toBeUndefined();
  });

  it('should open on the round asked for, else the first waiting, else the first', () => {
    expect(openingRound(queue[1], 'verification')).toBe('verification');
    expect(openingRound(queue[1], 'site-visit')).toBe('interview');
    expect(openingRound(queue[1], null)).toBe('interview');
    expect(openingRound(queue[0], null)).toBe('verification');
    expect(openingRound(undefined, 'interview')).toBe('interview');
  });
});

describe('the rubric’s rounds', () => {
  const edition = {
    categories: [
      {
        code: 'regency',
        rubrics: {
          provincial: {
            criteria: [
              { code: 'coverage', name: 'Cakupan', weight: 30, value: { indicator: 'x' }, scale: { linear: { min: 0, max: 1 } } },
              {
                code: 'documents',
                name: 'Verifikasi berkas',
                weight: 10,
                value: { panel: 'verification' },
                scale: { linear: { min: 0, max: 100 } },
              },
              { code: 'interview', name: 'Wawancara', weight: 20, value: { panel: 'interview' }, scale: { linear: { min: 0, max: 100 } } },
              { code: 'innovation', name: 'Inovasi', weight: 5, value: { panel: 'interview' }, scale: { map: { ya: 100 } } },
            ],
          },
        },
      },
    ],
  } as unknown as EditionDefinitionDto;

  it('should give a round’s criteria with the ranges of their linear scales', () => {
    expect(roundCriteria(edition, 'regency', 'provincial', 'interview')).toEqual([
      { code: 'interview', name: 'Wawancara', weight: 20, min: 0, max: 100 },
      { code: 'innovation', name: 'Inovasi', weight: 5 },
    ]);
    expect(roundCriteria(edition, 'regency', 'national', 'interview')).toEqual([]);
  });

  it('should name a round by its criteria, or by its code when the rubric is unknown', () => {
    expect(roundName(edition, 'regency', 'provincial', 'verification')).toBe('Verifikasi berkas');
    expect(roundName(edition, 'regency', 'provincial', 'interview')).toBe('Wawancara, Inovasi');
    expect(roundName(undefined, 'regency', 'provincial', 'interview')).toBe('interview');
  });

  it('should write a round’s scores by criterion name, or the bare score when the round has one criterion', () => {
    const criteria = roundCriteria(edition, 'regency', 'provincial', 'interview');

    expect(scoresText({ interview: 85, innovation: 70.5 }, criteria, String)).toBe('Wawancara 85; Inovasi 70.5');
    expect(scoresText({ documents: 90 }, roundCriteria(edition, 'regency', 'provincial', 'verification'), String)).toBe('90');
    expect(scoresText({}, criteria, String)).toBe('');
  });
});
