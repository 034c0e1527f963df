import { BoardCopies, EventValidator, InvalidEventError, Topics, type EditionDefinition } from '@paritrana/contracts';
import { createKafka } from '@paritrana/messaging';
import { http, tokenFor, waitFor } from '@paritrana/testing';
import { openRegencyEdition, regencyNomination } from '@paritrana/testing/editions';
import type { Consumer } from 'kafkajs';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { checkBoards, type LiveBoard } from '../../tools/secretariat/board-check';
import { startPlatform, type Platform } from '../harness/platform-harness';

const JAMBI = ['15.01', '15.02', '15.03', '15.04', '15.05', '15.06', '15.07', '15.08', '15.09', '15.71', '15.72'];
const SUMSEL = ['16.01', '16.02', '16.03', '16.04', '16.05', '16.06', '16.07', '16.08', '16.09', '16.10', '16.11', '16.71', '16.72'];

/**
 * A consumer of paritrana.rankings.v1 that keeps every board from its compact changes (as `npm run
 * secretariat:follow -- --check` does) checked against GET /v1/boards/:id while nominations are submitted, scored,
 * found ineligible and withdrawn, then once more when the boards are at rest.
 */
describe('boards kept from paritrana.ranking.changed.v1 (real Kafka and Postgres)', () => {
  let platform: Platform;
  let consumer: Consumer;
  const copies = new BoardCopies();
  const edition = `chg${Date.now().toString(36)}`;
  const secretariat = tokenFor({ sub: 'sekretariat-1', role: 'secretariat' });
  const kanwil = tokenFor({ sub: 'kanwil', role: 'regional-office', provinces: ['15', '16'] });
  const boards = [`${edition}:provincial:15:regency`, `${edition}:provincial:16:regency`];
  const live = async (boardId: string) => {
    const response = await http<LiveBoard>('GET', `${platform.urls.ranking}/v1/boards/${boardId}`, secretariat);
    return response.status === 200 ? response.body : undefined;
  };

  beforeAll(async () => {
    platform = await startPlatform();
    // Regencies that have no regional regulation (perda) are ineligible: the ineligible list changes too.
    const definition = openRegencyEdition(edition);
    const category = definition.categories[0];
    const rubric = { ...category.rubrics.provincial!, eligibility: [{ indicator: 'regulation.level', equals: 'perda' }] };
    const withRule: EditionDefinition = { ...definition, categories: [{ ...category, rubrics: { provincial: rubric } }] };
    expect((await http('POST', `${platform.urls.intake}/v1/editions`, secretariat, withRule)).status).toBe(201);
    const validator = new EventValidator();
    consumer = createKafka('board-changes-test', process.env.KAFKA_BROKERS!.split(',')).consumer({
      groupId: `board-changes-${randomUUID()}`,
    });
    await consumer.connect();
    await consumer.subscribe({ topics: [Topics.Rankings], fromBeginning: true });
    // Other suites leave malformed messages on the topic: a consumer skips what the catalogue refuses.
    await consumer.run({
      eachMessage: async ({ message }) => {
        try {
          copies.apply(validator.parse(message.value, Topics.Rankings));
        } catch (error) {
          if (!(error instanceof InvalidEventError)) throw error;
        }
      },
    });
  });

  afterAll(async () => {
    await consumer?.disconnect();
    await platform?.close();
  });

  it('should keep copies equal to the live boards at every moment they are compared, and at rest', async () => {
    const differ: string[] = [];
    let equalWhileMoving = 0;
    let done = false;
    const checking = (async () => {
      for (let round = 0; round < 400 && !done; round++) {
        const outcome = await checkBoards(copies, boards, live);
        differ.push(...outcome.differ);
        equalWhileMoving += outcome.equal.length;
      }
    })();
    const ids: string[] = [];
    const nominate = async (code: string, participants: number, level: string) => {
      const response = await http<{ id: string }>(
        'POST',
        `${platform.urls.intake}/v1/nominations`,
        kanwil,
        regencyNomination(edition, code, `${code}@example.go.id`, participants, 60_000, level),
      );
      expect(response.status).toBe(201);
      ids.push(response.body.id);
    };
    try {
      // Waves: new leaders enter at the top, titles move, some are ineligible, two are withdrawn, one amended.
      for (const [i, code] of [...JAMBI, ...SUMSEL].entries())
        await nominate(code, 5_000 + ((i * 7_919) % 50_000), i % 5 === 4 ? 'decree' : 'perda');
      for (const id of [ids[0], ids[12]])
        expect((await http('POST', `${platform.urls.intake}/v1/nominations/${id}/withdraw`, kanwil)).status).toBe(200);
    } finally {
      const atRest = await waitFor(
        'both boards at rest with every nomination and their copies at the same version',
        async () => {
          const outcome = await checkBoards(copies, boards, live);
          if (outcome.equal.length + outcome.differ.length === boards.length) return outcome;
          const states = await Promise.all(
            boards.map(async (id) => [id, copies.get(id)?.version, (await live(id))?.version, (await live(id))?.pending]),
          );
          throw new Error(`not yet: ${JSON.stringify(states)}`);
        },
        60_000,
      );
      done = true;
      await checking;
      differ.push(...atRest.differ);
    }

    expect(differ).toEqual([]);
    expect(copies.gaps).toEqual([]);
    const [jambi, sumsel] = boards.map((id) => copies.get(id)!);
    expect(jambi.standings.length + jambi.ineligible.length).toBe(JAMBI.length - 1);
    expect(sumsel.standings.length + sumsel.ineligible.length).toBe(SUMSEL.length - 1);
    expect(jambi.ineligible.length + sumsel.ineligible.length).toBeGreaterThan(0);
    expect(jambi.version).toBeGreaterThan(1);
    process.stdout.write(
      `board changes: ${jambi.version} and ${sumsel.version} versions; ${equalWhileMoving} comparisons equal while nominations flowed\n`,
    );
  });

  it('should let npm run secretariat:follow -- --check find the same copies equal, and exit 0 when stopped', async () => {
    const follow = spawn(
      process.execPath,
      [
        join(__dirname, '..', '..', 'dist', 'tools', 'secretariat', 'follow.js'),
        ...['--brokers', process.env.KAFKA_BROKERS!, '--check', platform.urls.ranking, '--every', '1', '--edition', edition],
      ],
      { env: { ...process.env, PARITRANA_TOKEN: secretariat }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    follow.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    follow.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => follow.once('exit', resolve));
    try {
      await waitFor(
        'the follower to find both boards equal',
        async () => (/checked 2 board\(s\): 2 equal/.test(output) ? true : undefined),
        60_000,
      );
    } finally {
      follow.kill('SIGINT');
    }

    expect(await exited).toBe(0);
    expect(output).not.toContain('✗');
  });
});
