import { ApiError, problemKey } from './problem';

describe('ApiError', () => {
  it('should keep the code, message, every field problem and the extra details of a 422', () => {
    const error = ApiError.from(422, {
      statusCode: 422,
      code: 'VALIDATION_FAILED',
      message: 'The nomination is invalid',
      errors: [
        { path: 'indicators.participants.wageEarners', message: 'must not exceed workforce.wageEarners' },
        { path: 'contact.name', message: 'too long' },
        { path: 'contact.email', message: 'bad' },
        'junk',
      ],
      rules: [
        { path: 'indicators.participants.wageEarners' },
        { path: 'contact.name', code: 'maxLength', params: { limit: 200 } },
        { path: 'contact.email', code: 7, params: { nested: {} } },
        {},
      ],
      edition: '2024',
    });

    expect(error).toMatchObject({
      status: 422,
      code: 'VALIDATION_FAILED',
      message: 'The nomination is invalid',
      details: { edition: '2024' },
    });
    expect(error.fields).toEqual([
      { path: 'indicators.participants.wageEarners', message: 'must not exceed workforce.wageEarners' },
      { path: 'contact.name', message: 'too long', code: 'maxLength', params: { limit: 200 } },
      { path: 'contact.email', message: 'bad' },
    ]);
    expect(problemKey(error)).toBe('problem.invalid');
  });

  it('should make sense of bodies that are not problems, and of a lost connection', () => {
    expect(ApiError.from(502, 'Bad gateway')).toMatchObject({ code: 'HTTP_502', message: 'Bad gateway' });
    expect(problemKey(ApiError.from(0, undefined))).toBe('problem.network');
    expect(problemKey(ApiError.from(403, { code: 'OUT_OF_SCOPE' }))).toBe('problem.forbidden');
    expect(problemKey(new Error('boom'))).toBe('problem.unexpected');
  });
});
