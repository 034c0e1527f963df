import { cpuCost, cpuSnapshot, parseStat } from './cpu';

describe('parseStat', () => {
  it('should read the parent, the own and the reaped children’s ticks after a command name holding spaces', () => {
    const line = '4242 (postgres: bench) x) S 4200 4242 4242 0 -1 4194560 900 0 0 0 1500 250 300 45 20 0 1 0 100 1000 50';

    const sut = parseStat(line);

    expect(sut).toEqual({ ppid: 4200, ticks: 1750, childTicks: 345 });
  });

  it('should give nothing for a process gone (an empty file)', () => {
    expect(parseStat('')).toBeUndefined();
  });
});

describe('cpuCost', () => {
  it('should give each source’s milliseconds per item, their total and the cores kept busy', () => {
    const sut = cpuCost({ intake: 10, kafka: 5, bench: 1 }, { intake: 40, kafka: 15, bench: 11 }, 10_000, 25);

    expect(sut).toEqual({ ms_per_item: { intake: 3, kafka: 1, bench: 1 }, total_ms_per_item: 5, cores_busy: 2 });
  });

  it('should leave out a source missing from the first snapshot', () => {
    const sut = cpuCost({ bench: 1 }, { bench: 2, postgres: 30 }, 1_000, 1);

    expect(sut.ms_per_item).toEqual({ bench: 1 });
  });
});

describe('cpuSnapshot', () => {
  it('should count this process as the bench, and its own tree with it', () => {
    const sut = cpuSnapshot([{ name: 'self', pid: process.pid, tree: true }]);

    expect(sut.bench).toBeGreaterThan(0);
    expect(sut.self).toBeGreaterThan(0);
    expect(Object.keys(sut).sort()).toEqual(['bench', 'self']);
  });
});
