import { isTooLarge } from './kafka-errors';

describe('isTooLarge', () => {
  it('should recognise the broker error when it carries the MESSAGE_TOO_LARGE type', () => {
    expect(isTooLarge({ type: 'MESSAGE_TOO_LARGE', message: 'x' })).toBe(true);
  });

  it('should recognise the error when kafkajs wrapped it and kept only its message in the cause', () => {
    const error = new Error('retries exceeded', {
      cause: new Error('The request included a message larger than the max message size the server will accept'),
    });

    expect(isTooLarge(error)).toBe(true);
  });

  it('should not take other failures for a size refusal', () => {
    expect([isTooLarge(new Error('Connection closed')), isTooLarge(undefined), isTooLarge('too large')]).toEqual([false, false, false]);
  });
});
