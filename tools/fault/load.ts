import { sleep } from '@paritrana/infra/ports';
import { until } from './processes';
import type { Nominee } from './edition';

/** What intake answered for every nomination sent, as the clients saw it. */
export class Ledger {
  /** Region code → nomination id, for nominations answered 201. */
  readonly accepted = new Map<string, string>();
  /** Region codes answered 409 on a retry: the first attempt had been stored though its answer was lost. */
  readonly acceptedOnRetry = new Set<string>();
  /** Nominations refused for good, with intake's answer. */
  readonly refused: Array<{ regionCode: string; status: number; detail: string }> = [];
  submitted = 0;
  requests = 0;
  retries = 0;

  get acceptedCount(): number {
    return this.accepted.size + this.acceptedOnRetry.size;
  }
}

export interface LoadOptions {
  /** Every intake process: client i starts on the i-th and a retry goes to the next. */
  intakeUrls: string[];
  tokens: string[];
  nominees: Nominee[];
  batchSize: number;
  ratePerSecond: number;
}

interface BatchAnswer {
  results: Array<{ index: number; status: number; id?: string; errors?: unknown; message?: string }>;
}

const REQUEST_TIMEOUT_MS = 20_000;

/**
 * Nominations sent through the batch intake at a steady rate by several clients, each retrying a
 * batch with the same content on connection errors, timeouts and 5xx until intake answers it.
 * `hurry()` lifts the pacing once the faults are over.
 */
export class LoadGenerator {
  private next = 0;
  private hurried = false;
  private surgeUntil = 0;
  /** Nominations sent at the steady rate so far; the surge's do not count. */
  private paced = 0;
  /** First indexes of the batches sent and not yet answered. */
  private readonly inFlight = new Set<number>();
  private startedAt = 0;

  constructor(
    private readonly options: LoadOptions,
    readonly ledger: Ledger,
  ) {}

  get sent(): number {
    return Math.min(this.next, this.options.nominees.length);
  }

  get done(): boolean {
    return this.next >= this.options.nominees.length;
  }

  hurry(): void {
    this.hurried = true;
  }

  async run(): Promise<void> {
    this.startedAt = Date.now();
    await Promise.all(this.options.tokens.map((token, i) => this.client(token, i)));
  }

  private async client(token: string, index: number): Promise<void> {
    for (;;) {
      const from = this.next;
      if (from >= this.options.nominees.length) return;
      this.next += this.options.batchSize;
      const batch = this.options.nominees.slice(from, from + this.options.batchSize);
      if (from >= this.surgeUntil) {
        const due = this.startedAt + (this.paced / this.options.ratePerSecond) * 1000;
        this.paced += batch.length;
        while (!this.hurried && Date.now() < due) await sleep(Math.min(250, due - Date.now()));
      }
      this.inFlight.add(from);
      await this.send(batch, token, index);
      this.inFlight.delete(from);
    }
  }

  /**
   * Sends the next `count` nominations at once, unpaced, and resolves when intake has answered
   * them: the consumers then have a backlog to work through. The paced load carries on after them.
   */
  async surge(count: number): Promise<void> {
    const target = Math.min(this.next + count, this.options.nominees.length);
    this.surgeUntil = target;
    await until(
      'the surge to be answered',
      async () => this.next >= target && [...this.inFlight].every((from) => from >= target),
      120_000,
      50,
    );
  }

  private async send(batch: Nominee[], token: string, client: number): Promise<void> {
    const urls = this.options.intakeUrls;
    this.ledger.submitted += batch.length;
    for (let attempt = 1; ; attempt++) {
      this.ledger.requests++;
      const answer = await post(
        `${urls[(client + attempt - 1) % urls.length]}/v1/nominations/batch`,
        token,
        batch.map((n) => n.body),
      );
      if (answer.status === 200) return this.record(batch, answer.body as BatchAnswer, attempt);
      if (answer.status !== 0 && answer.status < 500 && answer.status !== 429) {
        for (const n of batch)
          this.ledger.refused.push({ regionCode: n.regionCode, status: answer.status, detail: answer.text.slice(0, 300) });
        return;
      }
      this.ledger.retries++;
      await sleep(Math.min(250 * attempt, 2_000));
    }
  }

  private record(batch: Nominee[], answer: BatchAnswer, attempt: number): void {
    for (const result of answer.results) {
      const nominee = batch[result.index];
      if (result.status === 201 && result.id) this.ledger.accepted.set(nominee.regionCode, result.id);
      else if (result.status === 409 && attempt > 1) this.ledger.acceptedOnRetry.add(nominee.regionCode);
      else
        this.ledger.refused.push({
          regionCode: nominee.regionCode,
          status: result.status,
          detail: JSON.stringify(result.errors ?? result.message ?? '').slice(0, 300),
        });
    }
  }
}

export interface HttpAnswer {
  /** 0 when no answer came: connection refused or reset, or timed out. */
  status: number;
  text: string;
  body: unknown;
}

export async function post(url: string, token: string, body: unknown, headers: Record<string, string> = {}): Promise<HttpAnswer> {
  return request('POST', url, token, body, headers);
}

export async function get(url: string, token: string): Promise<HttpAnswer> {
  return request('GET', url, token);
}

async function request(
  method: string,
  url: string,
  token: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<HttpAnswer> {
  try {
    const response = await fetch(url, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    return { status: response.status, text, body: parsed };
  } catch (error) {
    return { status: 0, text: (error as Error).message, body: undefined };
  }
}
