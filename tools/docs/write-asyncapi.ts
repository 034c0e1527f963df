import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '@paritrana/infra/repo-root';
import { renderAsyncApi } from './asyncapi';

const target = join(repoRoot(), 'docs', 'asyncapi.yaml');
writeFileSync(target, renderAsyncApi());
process.stdout.write(`Wrote ${target}\n`);
