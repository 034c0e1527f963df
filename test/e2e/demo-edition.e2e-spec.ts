import { http, tokenFor, waitFor } from '@paritrana/testing';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadDemo } from '../../tools/dev/demo';
import { JAMBI_2024_RESULTS } from '../../tools/dev/demo-results';
import { rowsFromCsv } from '@paritrana/contracts';
import { startPlatform, type Platform } from '../harness/platform-harness';

interface Board {
  status: string;
  standings: Array<{ rank: number; title?: string; nominee: { name: string }; status: string }>;
  ineligible: Array<{ nominee: { name: string } }>;
}

/** How many demo nominations each board of the demo file holds. */
const nominationsPerBoard = new Map<string, number>();
for (const r of rowsFromCsv(readFileSync(join(__dirname, '..', '..', 'deploy', 'demo', 'nominations-2024.csv'), 'utf8')).rows) {
  if (!('body' in r)) throw new Error(`Demo nominations row ${r.row}: ${r.errors.join('; ')}`);
  const { edition, tier, province, category } = r.body as Record<string, string>;
  const boardId = `${edition}:${tier}:${province}:${category}`;
  nominationsPerBoard.set(boardId, (nominationsPerBoard.get(boardId) ?? 0) + 1);
}

describe('the demo edition as make start loads it (real Kafka and Postgres)', () => {
  let platform: Platform;
  const lines: string[] = [];
  const secretariat = tokenFor({ sub: 'sekretariat', role: 'secretariat' });
  const chairJambi = tokenFor({ sub: 'ketua-jambi', name: 'Ketua Panel Jambi', role: 'panel-chair', provinces: ['15'] });

  /** The board once every demo nomination stands on it and, when asked, every standing is final. */
  const settled = (boardId: string, final: boolean) =>
    waitFor(`board ${boardId} with its ${nominationsPerBoard.get(boardId)} demo nominations${final ? ', all final' : ''}`, async () => {
      const { status, body } = await http<Board>('GET', `${platform.urls.ranking}/v1/boards/${boardId}`, secretariat);
      if (status !== 200 || body.standings.length + body.ineligible.length !== nominationsPerBoard.get(boardId)) return undefined;
      return !final || body.standings.every((s) => s.status === 'final') ? body : undefined;
    });

  beforeAll(async () => {
    platform = await startPlatform({}, ['intake', 'scoring', 'ranking']);
    await loadDemo({ targets: platform.urls, log: (line) => lines.push(line) });
  });

  afterAll(async () => platform?.close());

  it('should define the edition, nominate and enter penilai-jambi’s scores once, a second load changing nothing', async () => {
    await loadDemo({ targets: platform.urls, log: (line) => lines.push(line) });

    expect(lines).toEqual([
      'Demo edition 2024 defined',
      'Demo nominations: 61 submitted, 0 already there',
      'Demo assessments by penilai-jambi: 86 entered, 0 already there',
      'Demo edition 2024 already defined',
      'Demo nominations: 0 submitted, 61 already there',
      'Demo assessments by penilai-jambi: 0 entered, 86 already there',
    ]);
  });

  it.each(Object.entries(JAMBI_2024_RESULTS))('should rank Jambi’s %s board as the 2024 awards did', async (category, winners) => {
    const board = await settled(`2024:provincial:15:${category}`, true);

    expect(board.standings.slice(0, winners.length).map((s) => [s.rank, s.title, s.nominee.name])).toEqual(
      winners.map((name, i) => [i + 1, ['Terbaik I', 'Terbaik II', 'Terbaik III'][i], name]),
    );
  });

  it('should leave Sumatera Selatan’s regencies to the assessors of province 16', async () => {
    const board = await settled('2024:provincial:16:regency', false);

    expect(board.standings).toHaveLength(17);
    expect(board.standings.every((s) => s.status === 'provisional')).toBe(true);
  });

  it('should let ketua-jambi publish the regency board with Bungo, Muaro Jambi and Kota Jambi as Terbaik I–III', async () => {
    await settled('2024:provincial:15:regency', true);

    const published = await http('POST', `${platform.urls.ranking}/v1/boards/2024:provincial:15:regency/publish`, chairJambi);
    const board = await http<Board>('GET', `${platform.urls.ranking}/v1/boards/2024:provincial:15:regency`, chairJambi);

    expect(published.status).toBe(200);
    expect(board.body.status).toBe('published');
    expect(board.body.standings.filter((s) => s.title).map((s) => [s.title, s.nominee.name])).toEqual([
      ['Terbaik I', 'Kabupaten Bungo'],
      ['Terbaik II', 'Kabupaten Muaro Jambi'],
      ['Terbaik III', 'Kota Jambi'],
    ]);
  });
});
