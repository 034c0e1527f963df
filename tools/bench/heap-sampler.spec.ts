import { parseLongestStall, parseMemory } from './heap-sampler';

describe('parseMemory', () => {
  it('should read the heap in use and held, and the external memory, from a metrics text', () => {
    const text = [
      '# HELP nodejs_heap_size_used_bytes Process heap size used from Node.js in bytes.',
      '# TYPE nodejs_heap_size_used_bytes gauge',
      'nodejs_heap_size_used_bytes 104857600',
      'nodejs_heap_size_total_bytes 157286400',
      'nodejs_external_memory_bytes 2.5e7',
    ].join('\n');

    expect(parseMemory(text)).toEqual({ heapUsed: 104_857_600, heapTotal: 157_286_400, external: 25_000_000 });
  });

  it('should give nothing when the metrics lack them', () => {
    expect(parseMemory('process_cpu_user_seconds_total 1')).toBeUndefined();
  });
});

describe('parseLongestStall', () => {
  it("should read the event loop's longest stall since the last read, in ms", () => {
    expect(parseLongestStall('nodejs_eventloop_lag_max_seconds 0.123904\nnodejs_eventloop_lag_p99_seconds 0.01')).toBeCloseTo(123.904);
  });

  it('should give nothing when the metrics lack it', () => {
    expect(parseLongestStall('nodejs_heap_size_used_bytes 1')).toBeUndefined();
  });
});
