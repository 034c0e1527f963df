import { dataSourceOptions } from '@paritrana/platform';
import { http, SmtpSink, tokenFor, waitFor } from '@paritrana/testing';
import { startPlatform, type Platform } from '../harness/platform-harness';
import { DataSource } from 'typeorm';
import { rebuildEdition } from '../../apps/ranking/src/rebuild/rebuild.service';
import { regencyNomination, twoTierEdition } from '@paritrana/testing/editions';

interface Board {
  status: string;
  standings: Array<{ rank: number; nominationId: string; nominee: { name: string }; total: number; status: string }>;
}
interface Page {
  items: Array<{
    id: string;
    tier: string;
    nominee: { name: string };
    advancedFrom?: { nominationId: string; boardId: string; rank: number };
  }>;
}

describe('advancement from provincial boards into the national round, by zone (real Kafka and Postgres)', () => {
  let platform: Platform;
  const smtp = new SmtpSink();
  const edition = `adv${Date.now().toString(36)}`;
  const secretariat = tokenFor({ sub: 'sekretariat-1', role: 'secretariat' });
  const kanwil = tokenFor({ sub: 'kanwil', role: 'regional-office', provinces: ['15', '16'] });
  const chair = (province: string) => tokenFor({ sub: `sekda-${province}`, role: 'panel-chair', provinces: [province] });
  const nationalChair = tokenFor({ sub: 'ketua-nasional', role: 'panel-chair' });
  const board = (id: string) => http<Board>('GET', `${platform.urls.ranking}/v1/boards/${id}`, secretariat);

  beforeAll(async () => {
    await smtp.start();
    platform = await startPlatform({ SMTP_URL: smtp.url });
    expect((await http('POST', `${platform.urls.intake}/v1/editions`, secretariat, twoTierEdition(edition, 'zone', 2))).status).toBe(201);
  });

  afterAll(async () => {
    await platform?.close();
    await smtp.stop();
  });

  it('should move the first `advance` of each published provincial board onto its zone’s national board, scored with the national rubric', async () => {
    const nominees = [
      ['15.08', 50_000],
      ['15.05', 40_000],
      ['15.71', 30_000],
      ['16.71', 55_000],
      ['16.01', 20_000],
    ] as const;
    for (const [code, participants] of nominees) {
      const response = await http(
        'POST',
        `${platform.urls.intake}/v1/nominations`,
        kanwil,
        regencyNomination(edition, code, `${code}@example.go.id`, participants, 60_000, 'decree'),
      );
      expect(response.status).toBe(201);
    }
    for (const province of ['15', '16']) {
      const id = `${edition}:provincial:${province}:regency`;
      const expected = province === '15' ? 3 : 2;
      await waitFor(`board ${id}`, async () =>
        (await board(id)).body.standings?.filter((s) => s.status === 'final').length === expected ? true : undefined,
      );
      expect((await http('POST', `${platform.urls.ranking}/v1/boards/${id}/publish`, chair(province))).status).toBe(200);
    }

    const zone = await waitFor('four advanced nominees on the Sumatera board', async () => {
      const response = await board(`${edition}:national:sumatera:regency`);
      return response.status === 200 && response.body.standings.filter((s) => s.status === 'final').length === 4
        ? response.body
        : undefined;
    });

    // National rubric: coverage only, so 55,000/60,000 → 91.67 leads.
    expect(zone.standings.map((s) => [s.rank, s.nominee.name, s.total])).toEqual([
      [1, 'Kota Palembang', 91.67],
      [2, 'Kabupaten Bungo', 83.33],
      [3, 'Kabupaten Muaro Jambi', 66.67],
      [4, 'Kabupaten Ogan Komering Ulu', 33.33],
    ]);
    const national = await http<Page>('GET', `${platform.urls.intake}/v1/nominations?edition=${edition}&tier=national`, secretariat);
    expect(national.body.items.map((n) => [n.nominee.name, n.advancedFrom?.boardId, n.advancedFrom?.rank]).sort()).toEqual([
      ['Kabupaten Bungo', `${edition}:provincial:15:regency`, 1],
      ['Kabupaten Muaro Jambi', `${edition}:provincial:15:regency`, 2],
      ['Kabupaten Ogan Komering Ulu', `${edition}:provincial:16:regency`, 2],
      ['Kota Palembang', `${edition}:provincial:16:regency`, 1],
    ]);
    const score = await http<{ rubricVersion: number }>(
      'GET',
      `${platform.urls.scoring}/v1/scores/${zone.standings[0].nominationId}`,
      secretariat,
    );
    expect(score.body.rubricVersion).toBe(7);

    expect(
      (await http('POST', `${platform.urls.ranking}/v1/boards/${edition}:national:sumatera:regency/publish`, chair('15'))).status,
    ).toBe(403);
    expect(
      (await http('POST', `${platform.urls.ranking}/v1/boards/${edition}:national:sumatera:regency/publish`, nationalChair)).status,
    ).toBe(200);
  });

  it('should rebuild every board of the edition from the event log, equal to the live boards', async () => {
    const dataSource = await new DataSource(
      dataSourceOptions({ url: process.env.DATABASE_URL!, schema: 'ranking', migrations: [] }),
    ).initialize();
    try {
      const report = await rebuildEdition({ brokers: process.env.KAFKA_BROKERS!.split(','), dataSource, edition, settleSeconds: 30 });

      expect(report.differences).toEqual([]);
      expect(report.boards.map((b) => [b.boardId, b.status]).sort()).toEqual([
        [`${edition}:national:sumatera:regency`, 'published'],
        [`${edition}:provincial:15:regency`, 'published'],
        [`${edition}:provincial:16:regency`, 'published'],
      ]);
    } finally {
      await dataSource.destroy();
    }
  });
});
