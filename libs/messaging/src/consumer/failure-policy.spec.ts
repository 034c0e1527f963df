import { InvalidEventError } from '@paritrana/contracts';
import { DomainError } from '@paritrana/platform/errors/domain-error';
import { decideOnFailure, INFRASTRUCTURE_MAX_DELAY_MS, pauseDelayMs } from './failure-policy';

const retry = { maxAttempts: 3, initialDelayMs: 100, maxDelayMs: 10_000 };
const pgError = (code: string, message: string) => Object.assign(new Error(message), { code });

describe('decideOnFailure', () => {
  it('should retry without counting the attempt when the database is unreachable', () => {
    const sut = decideOnFailure(pgError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432'), 1, 0, retry);

    expect(sut).toEqual({ action: 'retry', delayMs: 100, counted: false, failure: 'infrastructure' });
  });

  it('should never dead-letter when the database stays down, however long', () => {
    const sut = decideOnFailure(pgError('57P01', 'terminating connection due to administrator command'), 3, 50, retry);

    expect(sut).toEqual({ action: 'retry', delayMs: INFRASTRUCTURE_MAX_DELAY_MS, counted: false, failure: 'infrastructure' });
  });

  it.each(['40P01', '40001', '55P03'])('should keep retrying and never dead-letter when the SQLSTATE is %s', (code) => {
    const sut = decideOnFailure(pgError(code, 'try again'), retry.maxAttempts, 10, retry);

    expect(sut.action).toBe('retry');
  });

  it('should retry a precondition not yet met with a counted, growing delay', () => {
    const error = DomainError.unavailable('EDITION_UNKNOWN', 'edition 2024 is not projected yet');

    expect([1, 2].map((attempt) => decideOnFailure(error, attempt, 0, retry))).toEqual([
      { action: 'retry', delayMs: 100, counted: true, failure: 'precondition' },
      { action: 'retry', delayMs: 200, counted: true, failure: 'precondition' },
    ]);
  });

  it('should dead-letter a precondition when its retries run out', () => {
    const sut = decideOnFailure(DomainError.unavailable('EDITION_UNKNOWN', 'not yet'), 3, 0, retry);

    expect(sut).toEqual({ action: 'dead-letter', reason: 'gave up after 3 attempts: DomainError: not yet', failure: 'precondition' });
  });

  it.each([
    ['a domain rule violation', DomainError.invalid('TEST_POISON', 'refused by the rules'), 'DomainError: refused by the rules'],
    ['an invalid event', new InvalidEventError('message value is not JSON'), 'InvalidEventError: message value is not JSON'],
    ['a constraint violation', pgError('23505', 'duplicate key value'), 'Error: duplicate key value'],
    ['invalid text', pgError('22P02', 'invalid input syntax for type uuid'), 'Error: invalid input syntax for type uuid'],
  ])('should dead-letter at once with the reason when the failure is %s', (_, error, reason) => {
    const sut = decideOnFailure(error, 1, 0, retry);

    expect(sut).toEqual({ action: 'dead-letter', reason, failure: 'permanent' });
  });

  it('should pause, not dead-letter, when a handler throws a TypeError', () => {
    const sut = decideOnFailure(new TypeError("Cannot read properties of undefined (reading 'total')"), 1, 0, retry);

    expect(sut).toEqual({
      action: 'pause',
      reason: "TypeError: Cannot read properties of undefined (reading 'total')",
      failure: 'unknown',
    });
  });

  it('should pause, not dead-letter, when an unknown failure repeats past the retries', () => {
    expect(decideOnFailure(new Error('boom'), 100, 0, retry).action).toBe('pause');
  });
});

describe('pauseDelayMs', () => {
  it('should grow from the initial pause and stop at the cap when a partition is paused again and again', () => {
    const sut = [1, 2, 3, 4, 10, 30].map((n) => pauseDelayMs(n, 1_000, 300_000));

    expect(sut).toEqual([1_000, 2_000, 4_000, 8_000, 300_000, 300_000]);
  });
});
