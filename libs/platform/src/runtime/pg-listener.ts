import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Client } from 'pg';

const RELISTEN_INITIAL_MS = 500;
const RELISTEN_MAX_MS = 5_000;

/**
 * The process's one LISTEN connection: wakes whoever listens on a channel at each commit that notifies it
 * (`pg_notify` in a transaction is delivered at its commit). When the connection breaks (a database restart)
 * it is reconnected with backoff, and every listener called once it is back, since what was notified
 * meanwhile is lost: polling alone would leave work waiting up to its interval after every reconnection.
 */
export class PgListener implements OnApplicationShutdown {
  private readonly logger = new Logger(PgListener.name);
  private readonly listeners = new Map<string, Array<() => void>>();
  private client?: Client;
  private connecting?: Promise<Client>;
  private reconnect?: NodeJS.Timeout;
  private attempts = 0;
  private stopped = false;

  constructor(private readonly databaseUrl: string) {}

  /** Calls `onNotify` at each notification of `channel` from now on; fails when the connection cannot be made. */
  async listen(channel: string, onNotify: () => void): Promise<void> {
    const known = this.listeners.get(channel);
    this.listeners.set(channel, [...(known ?? []), onNotify]);
    if (known) return;
    const client = await this.connected();
    await client.query(`LISTEN ${channel}`);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.reconnect);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private connected(): Promise<Client> {
    if (this.client) return Promise.resolve(this.client);
    this.connecting ??= this.connect().finally(() => (this.connecting = undefined));
    return this.connecting;
  }

  private async connect(): Promise<Client> {
    const client = new Client({ connectionString: this.databaseUrl });
    const lost = (error?: Error) => {
      if (this.client !== client || this.stopped) return;
      this.client = undefined;
      this.logger.warn(`LISTEN connection lost (${error?.message ?? 'closed'}); polling until it is back`);
      void client.end().catch(() => undefined);
      this.listenLater(RELISTEN_INITIAL_MS);
    };
    client.on('error', lost);
    client.on('end', () => lost());
    client.on('notification', ({ channel }) => {
      for (const onNotify of this.listeners.get(channel) ?? []) onNotify();
    });
    try {
      await client.connect();
      for (const channel of this.listeners.keys()) await client.query(`LISTEN ${channel}`);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    if (this.stopped) {
      await client.end();
      throw new Error('The LISTEN connection was closed while it was being made');
    }
    this.client = client;
    this.attempts = 0;
    return client;
  }

  private listenLater(delayMs: number): void {
    if (this.stopped) return;
    clearTimeout(this.reconnect);
    this.reconnect = setTimeout(() => {
      this.connected().then(
        () => {
          for (const onNotify of [...this.listeners.values()].flat()) onNotify();
        },
        (error: Error) => {
          this.attempts++;
          const backoff = Math.min(RELISTEN_INITIAL_MS * 2 ** this.attempts, RELISTEN_MAX_MS);
          this.logger.warn(`LISTEN reconnection failed (attempt ${this.attempts}), next in ${backoff} ms: ${error.message}`);
          this.listenLater(backoff);
        },
      );
    }, delayMs);
  }
}
