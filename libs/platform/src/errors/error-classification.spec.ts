import { QueryFailedError } from 'typeorm';
import { DomainError, type ErrorKind } from './domain-error';
import { isDatabaseUnreachable, isTransientFailure } from './error-classification';

/** An error as node-postgres raises it: an Error with the SQLSTATE in `code`. */
const pgError = (code: string, message: string) => Object.assign(new Error(message), { code, severity: 'ERROR' });

describe('isTransientFailure', () => {
  describe('domain errors', () => {
    it.each<ErrorKind>(['invalid', 'unauthenticated', 'forbidden', 'not-found', 'conflict'])(
      'should be permanent when a DomainError is of kind %s',
      (kind) => {
        const sut = isTransientFailure(new DomainError('SOME_RULE', 'a rule was broken', kind));

        expect(sut).toBe(false);
      },
    );

    it('should be transient when a DomainError is unavailable', () => {
      const sut = isTransientFailure(DomainError.unavailable('EDITION_UNKNOWN', 'edition 2024 is not projected yet'));

      expect(sut).toBe(true);
    });

    it('should be permanent when a DomainError is made by a factory other than unavailable', () => {
      const errors = [
        DomainError.invalid('NOMINATION_INVALID', 'invalid'),
        DomainError.notFound('BOARD_NOT_FOUND', 'no such board'),
        DomainError.conflict('NOMINATION_DUPLICATE', 'already nominated'),
        DomainError.forbidden('PROVINCE_FORBIDDEN', 'not your province'),
      ];

      expect(errors.map(isTransientFailure)).toEqual([false, false, false, false]);
    });
  });

  describe('database errors', () => {
    it('should be permanent when the SQLSTATE is 23505 (unique violation) in code', () => {
      const sut = isTransientFailure(pgError('23505', 'duplicate key value violates unique constraint "nomination_pkey"'));

      expect(sut).toBe(false);
    });

    it('should be permanent when the SQLSTATE is 22P02 (invalid text representation) in code', () => {
      const sut = isTransientFailure(pgError('22P02', 'invalid input syntax for type uuid: "abc"'));

      expect(sut).toBe(false);
    });

    it('should be permanent when the SQLSTATE is 23505 in driverError.code', () => {
      const sut = isTransientFailure({ message: 'duplicate key', driverError: { code: '23505' } });

      expect(sut).toBe(false);
    });

    it('should be permanent when the SQLSTATE is 22P02 in driverError.code', () => {
      const sut = isTransientFailure({ message: 'invalid input syntax', driverError: { code: '22P02' } });

      expect(sut).toBe(false);
    });

    it('should be permanent when TypeORM wraps a unique violation in a QueryFailedError', () => {
      const error = new QueryFailedError('INSERT INTO nomination ...', [], pgError('23505', 'duplicate key value'));

      expect(isTransientFailure(error)).toBe(false);
    });

    it('should prefer driverError.code when the wrapper has a code of its own', () => {
      const sut = isTransientFailure({ code: 'ECONNRESET', driverError: { code: '23503' } });

      expect(sut).toBe(false);
    });

    it.each(['40001', '40P01', '55P03', '57P01', '53300'])('should be transient when the SQLSTATE is %s', (code) => {
      expect(isTransientFailure(pgError(code, 'try again'))).toBe(true);
    });

    it('should be transient when a QueryFailedError wraps a deadlock', () => {
      const error = new QueryFailedError('UPDATE board ...', [], pgError('40P01', 'deadlock detected'));

      expect(isTransientFailure(error)).toBe(true);
    });
  });

  describe('other failures', () => {
    it('should be transient when the connection is refused', () => {
      const sut = isTransientFailure(pgError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432'));

      expect(sut).toBe(true);
    });

    it('should be transient when the error is a plain Error', () => {
      expect(isTransientFailure(new Error('something went wrong'))).toBe(true);
    });

    it('should be transient when the code is not a string', () => {
      expect(isTransientFailure({ code: 23505 })).toBe(true);
    });

    it.each([null, undefined, 'a thrown string'])('should be transient when %p is thrown', (thrown) => {
      expect(isTransientFailure(thrown)).toBe(true);
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
