import { ConcurrencyLimit } from './concurrency-limit';

const deferred = () => {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
};

describe('ConcurrencyLimit', () => {
  it('should run at most the limit at once when more work arrives', async () => {
    const sut = new ConcurrencyLimit(2);
    const gates = [deferred(), deferred(), deferred()];
    const started: number[] = [];
    const runs = gates.map((gate, i) =>
      sut.run(async () => {
        started.push(i);
        await gate.promise;
        return i;
      }),
    );
    await Promise.resolve();
    expect(started).toEqual([0, 1]);

    gates[0].resolve();
    await runs[0];
    await Promise.resolve();
    expect(started).toEqual([0, 1, 2]);

    gates[1].resolve();
    gates[2].resolve();
    await expect(Promise.all(runs)).resolves.toEqual([0, 1, 2]);
  });

  it('should free its place when the work fails', async () => {
    const sut = new ConcurrencyLimit(1);

    await expect(sut.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');

    await expect(sut.run(async () => 'next')).resolves.toBe('next');
  });
});
