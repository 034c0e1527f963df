import { RegionDirectory } from '@paritrana/contracts';
import { DEVELOPMENT_JWT_SECRET, signToken } from '@paritrana/platform';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { repoRoot } from '@paritrana/infra/repo-root';

/**
 * Batch intake throughput against a running intake (`make start`): defines a fresh copy of the
 * demo edition, then posts `--batches` batches of 1,000 village nominations one after another.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { url: { type: 'string' }, batches: { type: 'string' } } });
  const url = values.url ?? 'http://127.0.0.1:3001';
  const batches = Number(values.batches ?? 10);
  const token = signToken(process.env.AUTH_JWT_SECRET || DEVELOPMENT_JWT_SECRET, {
    sub: 'measure',
    name: 'Throughput measurement',
    role: 'admin',
  });
  const edition = `m${Date.now().toString(36)}`;
  const definition = { ...JSON.parse(readFileSync(join(repoRoot(), 'deploy', 'demo', 'edition-2024.json'), 'utf8')), code: edition };
  const defined = await post(`${url}/v1/editions`, token, definition);
  if (defined.status !== 201) throw new Error(`Defining the edition failed: ${defined.status} ${await defined.text()}`);

  const villages = RegionDirectory.official()
    .list('village')
    .slice(0, batches * 1_000)
    .map((v) => v.code);
  if (villages.length < batches * 1_000) throw new Error(`Only ${villages.length} villages are available`);
  const timings: number[] = [];
  let accepted = 0;
  const started = performance.now();
  for (let b = 0; b < batches; b++) {
    const items = villages.slice(b * 1_000, (b + 1) * 1_000).map((code, i) => ({
      edition,
      tier: 'provincial',
      province: code.slice(0, 2),
      category: 'village',
      nominee: { kind: 'village', regionCode: code },
      contact: { name: `Kepala Desa ${code}`, email: `desa${b}x${i}@example.go.id` },
      indicators: { vulnerable: { coveredByVillageBudget: (i * 7) % 150 }, regulation: { level: 'decree' } },
    }));
    const t0 = performance.now();
    const response = await post(`${url}/v1/nominations/batch`, token, items);
    const answer = (await response.json()) as { results: Array<{ status: number }> };
    timings.push(performance.now() - t0);
    accepted += answer.results.filter((r) => r.status === 201).length;
    process.stderr.write(`\rbatch ${b + 1}/${batches}: ${Math.round(timings[b])} ms`);
  }
  const seconds = (performance.now() - started) / 1000;
  const sorted = [...timings].sort((a, b) => a - b);
  process.stderr.write('\n');
  process.stdout.write(
    `edition ${edition}: ${accepted}/${batches * 1_000} accepted in ${seconds.toFixed(2)} s: ${Math.round(accepted / seconds)} nominations/s ` +
      `(1,000-item batches; batch latency p50 ${Math.round(sorted[Math.floor(sorted.length / 2)])} ms, max ${Math.round(sorted[sorted.length - 1])} ms)\n`,
  );
}

const post = (url: string, token: string, body: unknown) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });

main().catch((error: Error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});
