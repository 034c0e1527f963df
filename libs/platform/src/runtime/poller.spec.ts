import { Poller } from './poller';

describe('Poller', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('should run a round every interval and again at once after a full round', async () => {
    const results = [true, false, false];
    const round = jest.fn(async () => results.shift() ?? false);
    const sut = new Poller(round, { name: 'test', intervalMs: 100 });

    sut.start();
    await jest.advanceTimersByTimeAsync(0);
    expect(round).toHaveBeenCalledTimes(2);
    await jest.advanceTimersByTimeAsync(100);
    expect(round).toHaveBeenCalledTimes(3);
    await sut.stop();
  });

  it('should back off exponentially when rounds fail and reset after a success', async () => {
    let fail = true;
    const round = jest.fn(async () => {
      if (fail) throw new Error('down');
    });
    const onError = jest.fn();
    const sut = new Poller(round, { name: 'test', intervalMs: 100, maxBackoffMs: 300, onError });

    sut.start();
    await jest.advanceTimersByTimeAsync(0);
    await jest.advanceTimersByTimeAsync(199);
    expect(round).toHaveBeenCalledTimes(1);
    await jest.advanceTimersByTimeAsync(1);
    expect(round).toHaveBeenCalledTimes(2);
    await jest.advanceTimersByTimeAsync(300);
    expect(round).toHaveBeenCalledTimes(3);
    expect(onError).toHaveBeenLastCalledWith(expect.any(Error), 3);
    fail = false;
    await jest.advanceTimersByTimeAsync(300);
    await jest.advanceTimersByTimeAsync(100);
    expect(round).toHaveBeenCalledTimes(5);
    await sut.stop();
  });

  it('should run another round right after the one in flight when woken meanwhile', async () => {
    let release!: () => void;
    const round = jest
      .fn<Promise<boolean>, []>()
      .mockImplementationOnce(() => new Promise((resolve) => (release = () => resolve(false))))
      .mockResolvedValue(false);
    const sut = new Poller(round, { name: 'test', intervalMs: 1_000 });

    sut.start();
    await jest.advanceTimersByTimeAsync(0);
    sut.wake();
    release();
    await jest.advanceTimersByTimeAsync(0);
    expect(round).toHaveBeenCalledTimes(2);
    await sut.stop();
  });

  it('should wait for the round in flight and run none after stop', async () => {
    let finished = false;
    let release!: () => void;
    const round = jest.fn(
      () =>
        new Promise<boolean>((resolve) => {
          release = () => {
            finished = true;
            resolve(false);
          };
        }),
    );
    const sut = new Poller(round, { name: 'test', intervalMs: 10 });

    sut.start();
    await jest.advanceTimersByTimeAsync(0);
    const stopped = sut.stop();
    release();
    await stopped;
    expect(finished).toBe(true);
    await jest.advanceTimersByTimeAsync(1_000);
    expect(round).toHaveBeenCalledTimes(1);
  });
});
