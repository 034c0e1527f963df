import { sleep } from '@paritrana/infra/ports';
import { query } from './db';
import type { FaultResult } from './faults';
import { post } from './load';
import type { FaultPlatform } from './platform';
import { until } from './processes';

const seconds = (from: number) => Math.round((Date.now() - from) / 100) / 10;

/**
 * Publishes every board of the edition through ranking's API: the winners they name, and the
 * boards ranking refused to publish with its answer (a board still waiting for a score that was
 * lost, for instance).
 */
export async function publishBoards(
  platform: FaultPlatform,
  edition: string,
  token: string,
): Promise<{ winners: number; refused: Array<{ boardId: string; status: number; answer: string }> }> {
  const boards = await query<{ board_id: string }>(
    platform.databaseUrl,
    `SELECT board_id FROM ranking.boards WHERE edition = $1 ORDER BY board_id`,
    [edition],
  );
  let winners = 0;
  const refused: Array<{ boardId: string; status: number; answer: string }> = [];
  for (const { board_id } of boards) {
    const answer = await post(`${platform.url('ranking')}/v1/boards/${encodeURIComponent(board_id)}/publish`, token, {});
    if (answer.status === 200) winners += (answer.body as { standings: Array<{ title?: string }> }).standings.filter((s) => s.title).length;
    else refused.push({ boardId: board_id, status: answer.status, answer: answer.text.slice(0, 300) });
  }
  return { winners, refused };
}

/**
 * SIGKILLs notification once it has sent `killAfter` of the emails, starts it again after
 * `downMs`, and waits until every planned delivery is recorded as sent and the SMTP server has
 * received `expected` emails. Recovery: from the restart until then.
 */
export async function killWhileSending(
  platform: FaultPlatform,
  expected: number,
  killAfter: number,
  downMs: number,
  timeoutMs: number,
): Promise<FaultResult & { sentBeforeKill: number }> {
  await until(`${killAfter} emails before the kill`, async () => platform.smtp.messages.length >= killAfter, timeoutMs, 20);
  const notification = platform.replica('notification', 0).process;
  const broken = Date.now();
  await notification.stop('SIGKILL');
  const sentBeforeKill = platform.smtp.messages.length;
  await sleep(downMs);
  notification.start();
  const repaired = Date.now();
  await platform.waitReplicaReady('notification', 0);
  const ready_s = seconds(repaired);
  await until(
    `all ${expected} emails, every delivery recorded as sent`,
    async () => {
      const [{ unsent }] = await query<{ unsent: number }>(
        platform.databaseUrl,
        `SELECT count(*)::int AS unsent FROM notification.deliveries WHERE status <> 'sent'`,
      );
      return unsent === 0 && platform.smtp.messages.length >= expected && platform.smtp.holding === 0;
    },
    timeoutMs,
  );
  return {
    name: `SIGKILL ${notification.name} while sending`,
    down_s: Math.round((repaired - broken) / 100) / 10,
    ready_s,
    recovery_s: seconds(repaired),
    sentBeforeKill,
  };
}
