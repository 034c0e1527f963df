import { readFileSync } from 'node:fs';
import { createServer, Socket } from 'node:net';

/** The kernel's range for outgoing connections' source ports (Linux's default when it cannot be read). */
export function ephemeralRange(): [number, number] {
  try {
    const [low, high] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/).map(Number);
    if (low > 0 && high >= low) return [low, high];
  } catch {
    // not Linux: its default below
  }
  return [32768, 60999];
}

/** Ports to listen on: outside the ephemeral range, so no outgoing connection can hold one while its process restarts. */
export function listeningPorts([low, high]: [number, number]): [number, number] {
  return low - 1 - 10_000 >= 1_024 ? [10_000, low - 1] : [high + 1, 65_535];
}

function bindable(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/**
 * A TCP port that is free right now on 127.0.0.1, outside the ephemeral range: a broker or service restarted on it
 * minutes later finds it free unless something else listens there (the kernel's own choice, `listen(0)`, is taken
 * from the ephemeral range, where any outgoing connection may be holding it by then).
 */
export async function freePort(): Promise<number> {
  const [low, high] = listeningPorts(ephemeralRange());
  for (let attempt = 0; attempt < 100; attempt++) {
    const port = low + Math.floor(Math.random() * (high - low + 1));
    if (await bindable(port)) return port;
  }
  throw new Error(`No free port found between ${low} and ${high} on 127.0.0.1`);
}

export function isPortOpen(port: number, host = '127.0.0.1', timeoutMs = 500): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (open: boolean) => {
      socket.destroy();
      resolve(open);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('error', () => done(false));
    socket.connect(port, host, () => done(true));
  });
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
