/**
 * How a service process runs wherever we start one (make start, make bench; the Dockerfile and the
 * npm start scripts say the same), so that it stays within 256 MB: a bounded old generation and 4 MB
 * young semi-spaces, so the garbage collector works before the heap grows instead of after (192 MB
 * made intake and notification collect without pause), and two malloc arenas instead of one per
 * thread, which otherwise hold on to freed native memory (zlib, sockets).
 * kafkajs 2.2.4 computes a negative throttle delay on Node 24; Node clamps it to 1 ms, so that warning is noise.
 */
export const SERVICE_NODE_ARGS = ['--max-old-space-size=256', '--max-semi-space-size=4', '--disable-warning=TimeoutNegativeWarning'];
export const SERVICE_ENV = { MALLOC_ARENA_MAX: '2' };
