import { randomUUID } from 'node:crypto';
import { sleep } from '@paritrana/infra/ports';
import { query } from './db';
import { boardOf, type Nominee } from './edition';
import { get, post, type Ledger } from './load';
import type { FaultPlatform } from './platform';
import { until } from './processes';

const PROBE_TIMEOUT_MS = 180_000;

/**
 * A probe is one nomination sent after a fault is repaired, followed through the whole platform:
 * intake answers 201; scoring serves its final score; ranking shows it final on its board;
 * notification has projected its contact. The platform has recovered when a probe completes.
 */
export class Prober {
  constructor(
    private readonly platform: FaultPlatform,
    private readonly ledger: Ledger,
    private readonly token: string,
    private readonly edition: string,
    private readonly spares: Nominee[],
  ) {}

  async probe(): Promise<void> {
    const nominee = this.spares.shift();
    if (!nominee) throw new Error('No probe nominations left; raise the number of spares');
    const id = await this.submit(nominee);
    await until(
      `probe ${nominee.regionCode} to be scored`,
      async () => {
        const score = await get(`${this.platform.url('scoring')}/v1/scores/${id}`, this.token);
        return score.status === 200 && (score.body as { status: string }).status === 'final';
      },
      PROBE_TIMEOUT_MS,
    );
    await until(
      `probe ${nominee.regionCode} to stand final on its board`,
      async () => {
        const board = await get(`${this.platform.url('ranking')}/v1/boards/${boardOf(this.edition, nominee.province)}`, this.token);
        const standings = (board.body as { standings?: Array<{ nominationId: string; status: string }> } | undefined)?.standings ?? [];
        return standings.some((s) => s.nominationId === id && s.status === 'final');
      },
      PROBE_TIMEOUT_MS,
    );
    await until(
      `probe ${nominee.regionCode} to reach notification`,
      async () =>
        (await query(this.platform.databaseUrl, 'SELECT 1 FROM notification.contacts WHERE nomination_id = $1', [id])).length === 1,
      PROBE_TIMEOUT_MS,
    );
  }

  /** With an Idempotency-Key, a retry whose first attempt was stored gets that attempt's answer. */
  private async submit(nominee: Nominee): Promise<string> {
    const key = randomUUID();
    this.ledger.submitted++;
    const deadline = Date.now() + PROBE_TIMEOUT_MS;
    for (let attempt = 1; ; attempt++) {
      this.ledger.requests++;
      const answer = await post(`${this.platform.url('intake')}/v1/nominations`, this.token, nominee.body, { 'idempotency-key': key });
      if (answer.status === 201) {
        const id = (answer.body as { id: string }).id;
        this.ledger.accepted.set(nominee.regionCode, id);
        return id;
      }
      if (answer.status !== 0 && answer.status < 500 && answer.status !== 429) {
        throw new Error(`Probe ${nominee.regionCode} refused with ${answer.status}: ${answer.text.slice(0, 300)}`);
      }
      if (Date.now() > deadline) throw new Error(`Probe ${nominee.regionCode} was not accepted within ${PROBE_TIMEOUT_MS / 1000} s`);
      this.ledger.retries++;
      await sleep(Math.min(200 * attempt, 1_000));
    }
  }
}
