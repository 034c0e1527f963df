import { InvalidEventError } from '@paritrana/contracts';
import { QueryFailedError } from 'typeorm';
import { DomainError, type ErrorKind } from './domain-error';
import { classifyFailure, isDatabaseUnreachable } from './error-classification';

/** An error as node-postgres raises it: an Error with the SQLSTATE in `code`. */
const pgError = (code: string, message: string) => Object.assign(new Error(message), { code, severity: 'ERROR' });

describe('classifyFailure', () => {
  describe('domain errors', () => {
    it.each<ErrorKind>(['invalid', 'unauthenticated', 'forbidden', 'not-found', 'conflict'])(
      'should be permanent when a DomainError is of kind %s',
      (kind) => {
        const sut = classifyFailure(new DomainError('SOME_RULE', 'a rule was broken', kind));

        expect(sut).toBe('permanent');
      },
    );

    it('should be a precondition when a DomainError is unavailable (an edition not yet projected)', () => {
      const sut = classifyFailure(DomainError.unavailable('EDITION_UNKNOWN', 'edition 2024 is not projected yet'));

      expect(sut).toBe('precondition');
    });

    it('should be permanent when a handler finds an event invalid', () => {
      expect(classifyFailure(new InvalidEventError('message value is not JSON'))).toBe('permanent');
    });
  });

  describe('database errors', () => {
    it.each([
      ['23505', 'duplicate key value violates unique constraint "nomination_pkey"'],
      ['23503', 'insert or update violates foreign key constraint'],
      ['22P02', 'invalid input syntax for type uuid: "abc"'],
      ['22001', 'value too long for type character varying(10)'],
    ])('should be permanent when the database refuses the data (SQLSTATE %s)', (code, message) => {
      expect(classifyFailure(pgError(code, message))).toBe('permanent');
    });

    it('should be permanent when the SQLSTATE is in driverError.code', () => {
      expect(classifyFailure({ message: 'invalid input syntax', driverError: { code: '22P02' } })).toBe('permanent');
    });

    it('should be permanent when TypeORM wraps a unique violation in a QueryFailedError', () => {
      const error = new QueryFailedError('INSERT INTO nomination ...', [], pgError('23505', 'duplicate key value'));

      expect(classifyFailure(error)).toBe('permanent');
    });

    it('should prefer driverError.code when the wrapper has a code of its own', () => {
      expect(classifyFailure({ code: 'ECONNRESET', driverError: { code: '23503' } })).toBe('permanent');
    });

    it.each(['40001', '40P01', '55P03', '57014', '53300', '57P01', '08006'])(
      'should be infrastructure when the SQLSTATE is %s (contention or a server going away)',
      (code) => {
        expect(classifyFailure(pgError(code, 'try again'))).toBe('infrastructure');
      },
    );

    it('should be infrastructure when a QueryFailedError wraps a deadlock', () => {
      const error = new QueryFailedError('UPDATE board ...', [], pgError('40P01', 'deadlock detected'));

      expect(classifyFailure(error)).toBe('infrastructure');
    });

    it('should be infrastructure when the connection is refused', () => {
      expect(classifyFailure(pgError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432'))).toBe('infrastructure');
    });

    it('should be unknown when the SQL itself is wrong (a bad deploy: undefined column)', () => {
      expect(classifyFailure(pgError('42703', 'column "scroe" does not exist'))).toBe('unknown');
    });
  });

  describe('broker errors', () => {
    it('should be infrastructure when kafkajs says the failure is retriable', () => {
      const error = Object.assign(new Error('Connection error: connect ECONNREFUSED'), { name: 'KafkaJSConnectionError', retriable: true });

      expect(classifyFailure(error)).toBe('infrastructure');
    });

    it('should be unknown when a kafkajs failure is not retriable', () => {
      const error = Object.assign(new Error('Invalid partition'), { name: 'KafkaJSNonRetriableError', retriable: false });

      expect(classifyFailure(error)).toBe('unknown');
    });
  });

  describe('other failures', () => {
    it('should be unknown when a handler throws a TypeError', () => {
      expect(classifyFailure(new TypeError("Cannot read properties of undefined (reading 'total')"))).toBe('unknown');
    });

    it('should be unknown when the error is a plain Error', () => {
      expect(classifyFailure(new Error('something went wrong'))).toBe('unknown');
    });

    it('should be unknown when the code is not a string', () => {
      expect(classifyFailure({ code: 23505 })).toBe('unknown');
    });

    it.each([null, undefined, 'a thrown string'])('should be unknown when %p is thrown', (thrown) => {
      expect(classifyFailure(thrown)).toBe('unknown');
    });
  });
});

describe('isDatabaseUnreachable', () => {
  it.each(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', '08006', '08001', '57P01', '57P03'])(
    'should be unreachable when the code is %s',
    (code) => {
      expect(isDatabaseUnreachable(pgError(code, 'the server is gone'))).toBe(true);
    },
  );

  it.each(['Connection terminated unexpectedly', 'timeout exceeded when trying to connect', 'the database system is starting up'])(
    'should be unreachable when node-postgres says "%s"',
    (message) => {
      expect(isDatabaseUnreachable(new Error(message))).toBe(true);
    },
  );

  it('should be unreachable when TypeORM wraps a terminated connection', () => {
    const error = new QueryFailedError(
      'INSERT INTO scores ...',
      [],
      pgError('57P01', 'terminating connection due to administrator command'),
    );

    expect(isDatabaseUnreachable(error)).toBe(true);
  });

  it.each([
    ['a unique violation', pgError('23505', 'duplicate key value')],
    ['a deadlock', pgError('40P01', 'deadlock detected')],
    ['an edition not yet projected', DomainError.unavailable('EDITION_UNKNOWN', 'not yet')],
    ['a plain error', new Error('something went wrong')],
  ])('should be reachable when the failure is %s', (_, error) => {
    expect(isDatabaseUnreachable(error)).toBe(false);
  });
});
