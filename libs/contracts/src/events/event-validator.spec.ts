import { EventTypes } from './catalog';
import { createEvent } from './envelope';
import { EventValidator, InvalidEventError } from './event-validator';
import type { NominationSubmitted } from './nomination.events';
import type { ScoreCalculated } from './score.events';

const scoreCalculated = (overrides: Partial<ScoreCalculated> = {}): ScoreCalculated => ({
  nominationId: '2f1c4a9e-6b0d-4c53-9d7e-8a1b2c3d4e5f',
  edition: '2024',
  tier: 'provincial',
  province: '15',
  category: 'regency',
  status: 'final',
  total: 81.25,
  rubricVersion: 1,
  criteria: [{ code: 'coverage_pu', weight: 25, value: 0.67, subScore: 67, contribution: 27.92 }],
  reasons: [],
  calculatedAt: '2025-03-02T10:15:00.000Z',
  ...overrides,
});

const nominationSubmitted = (): NominationSubmitted => ({
  nominationId: '2f1c4a9e-6b0d-4c53-9d7e-8a1b2c3d4e5f',
  edition: '2024',
  tier: 'provincial',
  province: '15',
  category: 'regency',
  nominee: { kind: 'regency', name: 'Kabupaten Bungo', regionCode: '15.08' },
  contact: { name: 'Sekretariat Daerah', email: 'setda@bungokab.go.id' },
  indicators: { workforce: { wageEarners: 100 }, regulation: { level: 'perda' } },
  submittedAt: '2025-03-01T08:00:00.000Z',
  submittedBy: 'office',
});

const validEvent = () =>
  createEvent(EventTypes.ScoreCalculated, '2f1c4a9e-6b0d-4c53-9d7e-8a1b2c3d4e5f', scoreCalculated(), { service: 'scoring' });

/** Serialises an envelope with some fields replaced or removed (`undefined` drops the field). */
const raw = (changes: Record<string, unknown> = {}) => JSON.stringify({ ...validEvent(), ...changes });

/** Runs `parse` and returns the InvalidEventError it threw. */
function refusalOf(parse: () => unknown): InvalidEventError {
  try {
    parse();
  } catch (error) {
    if (error instanceof InvalidEventError) return error;
    throw error;
  }
  throw new Error('expected an InvalidEventError');
}

describe('EventValidator', () => {
  const sut = new EventValidator();

  describe('parse', () => {
    it('should return the event unchanged when a created event round-trips through JSON in a Buffer', () => {
      const event = validEvent();

      const parsed = sut.parse(Buffer.from(JSON.stringify(event), 'utf8'));

      expect(parsed).toEqual(event);
    });

    it('should return the event unchanged when it is given as a string', () => {
      const event = validEvent();

      expect(sut.parse(JSON.stringify(event))).toEqual(event);
    });

    it('should keep the causation and correlation ids when the event has a cause', () => {
      const cause = validEvent();
      const event = createEvent(EventTypes.ScoreCalculated, 'subject-1', scoreCalculated(), { service: 'scoring', cause });

      const parsed = sut.parse(JSON.stringify(event));

      expect([parsed.causationid, parsed.correlationid]).toEqual([cause.id, cause.correlationid]);
    });

    it('should refuse a message when it has no value', () => {
      const error = refusalOf(() => sut.parse(null));

      expect(error.message).toBe('message has no value');
    });

    it('should refuse a message when its value is not JSON', () => {
      const error = refusalOf(() => sut.parse(Buffer.from('{"specversion": "1.0", ', 'utf8')));

      expect(error.message).toBe('message value is not JSON');
    });

    it('should refuse a message when its JSON value is null', () => {
      const error = refusalOf(() => sut.parse('null'));

      expect(error.message).toBe('not a CloudEvents envelope: / must be object');
    });

    it('should name every missing envelope field when several are missing', () => {
      const error = refusalOf(() => sut.parse(raw({ id: undefined, time: undefined })));

      expect(error.message).toBe("not a CloudEvents envelope: / must have required property 'id'; / must have required property 'time'");
    });

    it('should refuse an envelope when its specversion is not 1.0', () => {
      const error = refusalOf(() => sut.parse(raw({ specversion: '0.3' })));

      expect(error.message).toBe('not a CloudEvents envelope: /specversion must be equal to constant');
    });

    it('should refuse an envelope when its time is not a date-time', () => {
      const error = refusalOf(() => sut.parse(raw({ time: 'yesterday' })));

      expect(error.message).toBe('not a CloudEvents envelope: /time must match format "date-time"');
    });

    it('should refuse an event when its type is not in the catalogue', () => {
      const error = refusalOf(() => sut.parse(raw({ type: 'paritrana.score.calculated.v2' })));

      expect(error.message).toBe('unknown event type paritrana.score.calculated.v2');
    });

    it('should refuse an event when its type is an inherited object property name', () => {
      const error = refusalOf(() => sut.parse(raw({ type: 'toString' })));

      expect(error.message).toBe('unknown event type toString');
    });

    it('should accept an event when it comes from its own topic', () => {
      const event = validEvent();

      expect(sut.parse(JSON.stringify(event), 'paritrana.scores.v1')).toEqual(event);
    });

    it('should refuse an event when it comes from a topic that is not its own', () => {
      const error = refusalOf(() => sut.parse(raw(), 'paritrana.nominations.v1'));

      expect(error.message).toBe('paritrana.score.calculated.v1 belongs on paritrana.scores.v1, not paritrana.nominations.v1');
    });

    it('should refuse a ScoreCalculated when its total is above 100', () => {
      const error = refusalOf(() => sut.parse(raw({ data: scoreCalculated({ total: 120 }) })));

      expect(error.message).toBe('invalid paritrana.score.calculated.v1 data: /total must be <= 100');
    });

    it('should name every invalid data field when there are several', () => {
      const data = { ...scoreCalculated({ status: 'done' as ScoreCalculated['status'] }), nominationId: 'not-a-uuid' };

      const error = refusalOf(() => sut.parse(raw({ data })));

      expect(error.message).toBe(
        'invalid paritrana.score.calculated.v1 data: /nominationId must match format "uuid"; /status must be equal to one of the allowed values',
      );
    });

    it('should throw an error named InvalidEventError when it refuses a message', () => {
      const error = refusalOf(() => sut.parse('[]'));

      expect([error.name, error instanceof Error]).toEqual(['InvalidEventError', true]);
    });
  });

  describe('validateData', () => {
    it('should accept data when it matches the schema of its type', () => {
      expect(() => sut.validateData(EventTypes.ScoreCalculated, scoreCalculated())).not.toThrow();
    });

    it('should refuse data when a criterion sub-score is negative', () => {
      const data = scoreCalculated({ criteria: [{ code: 'coverage_pu', weight: 25, value: -1, subScore: -5, contribution: 0 }] });

      const error = refusalOf(() => sut.validateData(EventTypes.ScoreCalculated, data));

      expect(error.message).toBe('invalid paritrana.score.calculated.v1 data: /criteria/0/subScore must be >= 0');
    });

    it('should name each problem of a nomination once when its indicators are not an object', () => {
      const error = refusalOf(() => sut.validateData(EventTypes.NominationSubmitted, { ...nominationSubmitted(), indicators: 'many' }));

      expect(error.message).toBe('invalid paritrana.nomination.submitted.v1 data: /indicators must be object');
    });

    it('should refuse a nomination when its employer nominee has no sector', () => {
      const data = nominationSubmitted();
      data.nominee = { kind: 'employer', name: 'PT Contoh', regionCode: '15.71', npp: '12345678', size: 'large' };
      data.indicators = { employees: { total: 3 } };

      const error = refusalOf(() => sut.validateData(EventTypes.NominationSubmitted, data));

      expect(error.message).toBe("invalid paritrana.nomination.submitted.v1 data: /nominee must have required property 'sector'");
    });

    it('should refuse a nomination when its indicators are not those of its nominee kind', () => {
      const data = { ...nominationSubmitted(), indicators: { employees: { total: 3 } } };

      const error = refusalOf(() => sut.validateData(EventTypes.NominationSubmitted, data));

      expect(error.message).toBe('invalid paritrana.nomination.submitted.v1 data: /indicators must NOT have additional properties');
    });
  });
});
