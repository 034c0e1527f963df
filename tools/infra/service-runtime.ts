/**
 * How a service process runs wherever we start one (make start, make bench; the Dockerfile and the
 * npm start scripts say the same): an old generation of 192 MB, so the garbage collector keeps a
 * service within its 256 MB budget instead of letting the heap grow lazily, and two malloc arenas
 * instead of one per thread, which otherwise hold on to freed native memory (zlib, sockets).
 * kafkajs 2.2.4 computes a negative throttle delay on Node 24; Node clamps it to 1 ms, so that warning is noise.
 */
export const SERVICE_NODE_ARGS = ['--max-old-space-size=192', '--disable-warning=TimeoutNegativeWarning'];
export const SERVICE_ENV = { MALLOC_ARENA_MAX: '2' };
