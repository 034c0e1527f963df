import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '@paritrana/infra/repo-root';
import { DOCUMENTED_SERVICES, renderOpenApi } from './openapi';

async function main() {
  const folder = join(repoRoot(), 'docs', 'openapi');
  mkdirSync(folder, { recursive: true });
  for (const service of DOCUMENTED_SERVICES) {
    const target = join(folder, `${service.name}.json`);
    writeFileSync(target, await renderOpenApi(service));
    process.stdout.write(`Wrote ${target}\n`);
  }
}

main().catch((error: Error) => {
  console.error(error.stack ?? error.message);
  process.exit(1);
});
