import { sleep } from '@paritrana/infra/ports';
import type { Nomination } from './workload';

export const BATCH_SIZE = 1_000;

interface BatchAnswer {
  results: Array<{ index: number; status: number; id?: string; errors?: Array<{ path: string; message: string }> }>;
}

/** Called with the ids of each accepted batch and the time its request was sent. */
export type OnAccepted = (ids: string[], sentAt: number) => void;

export class Intake {
  constructor(
    private readonly url: string,
    private readonly token: string,
  ) {}

  async defineEdition(definition: unknown): Promise<void> {
    const response = await this.post('/v1/editions', definition);
    if (response.status !== 201) throw new Error(`Defining the bench edition failed: ${response.status} ${await response.text()}`);
  }

  /** Posts one batch; every item must be accepted, or the bench would measure something else. */
  async submit(items: Nomination[], onAccepted: OnAccepted): Promise<void> {
    const sentAt = Date.now();
    const response = await this.post('/v1/nominations/batch', items);
    if (response.status !== 200) throw new Error(`The batch intake answered ${response.status}: ${await response.text()}`);
    const answer = (await response.json()) as BatchAnswer;
    const refused = answer.results.find((r) => r.status !== 201);
    if (refused)
      throw new Error(`Nomination ${refused.index} of a batch was refused (${refused.status}): ${JSON.stringify(refused.errors)}`);
    onAccepted(
      answer.results.map((r) => r.id!),
      sentAt,
    );
  }

  private post(path: string, body: unknown): Promise<Response> {
    return fetch(`${this.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${this.token}` },
      body: JSON.stringify(body),
    });
  }
}

/** `clients` concurrent clients posting batches of 1,000 as fast as the intake answers; returns the seconds taken. */
export async function submitAsFastAsPossible(intake: Intake, nominations: Nomination[], clients: number, onAccepted: OnAccepted) {
  const started = Date.now();
  let next = 0;
  const client = async () => {
    while (next < nominations.length) {
      const batch = nominations.slice(next, next + BATCH_SIZE);
      next += BATCH_SIZE;
      await intake.submit(batch, onAccepted).catch((error: Error) => {
        next = nominations.length;
        throw error;
      });
    }
  };
  await Promise.all(Array.from({ length: clients }, client));
  return (Date.now() - started) / 1000;
}

/** The open loop's tick: at 200/s, a batch of 20 every 100 ms. */
export const TICK_MS = 100;

/**
 * An open-loop offered rate: every `tickMs` a batch of rate × tick nominations is sent whether or not
 * the earlier ones were answered, so a slow platform shows as latency, not as a lower rate.
 */
export async function submitAtRate(intake: Intake, nominations: Nomination[], perSecond: number, onAccepted: OnAccepted) {
  await offerAtRate(nominations, perSecond, (batch) => intake.submit(batch, onAccepted));
}

/**
 * Calls `send` with a batch of rate × tick items every `tickMs` without waiting for the earlier sends;
 * resolves when every send has. The platform's latency phase and the raw Kafka latency baseline share it.
 */
export async function offerAtRate<T>(items: T[], perSecond: number, send: (batch: T[]) => Promise<void>, tickMs = TICK_MS) {
  const perTick = Math.max(1, Math.round((perSecond * tickMs) / 1000));
  const started = Date.now();
  const inFlight: Promise<void>[] = [];
  for (let i = 0, tick = 0; i < items.length; i += perTick, tick++) {
    const due = started + tick * tickMs;
    // Again until due: a timer may fire a millisecond before the clock shows its time.
    while (due > Date.now()) await sleep(due - Date.now());
    inFlight.push(send(items.slice(i, i + perTick)));
  }
  await Promise.all(inFlight);
}
