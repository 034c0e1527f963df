import { createServer } from 'node:net';
import { ephemeralRange, freePort, listeningPorts } from './ports';

describe('freePort', () => {
  it('should choose below the ephemeral range when there is room, above it otherwise', () => {
    expect(listeningPorts([32768, 60999])).toEqual([10_000, 32767]);
    expect(listeningPorts([1024, 50000])).toEqual([50001, 65535]);
  });

  it('should give a port outside the ephemeral range that can be listened on', async () => {
    const [low, high] = ephemeralRange();
    const port = await freePort();

    expect(port < low || port > high).toBe(true);
    const server = createServer();
    await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, '127.0.0.1', resolve));
    await new Promise((resolve) => server.close(resolve));
  });
});
