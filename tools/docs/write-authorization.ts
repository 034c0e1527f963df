import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '@paritrana/infra/repo-root';
import { renderAuthorizationDoc } from './authorization';

const target = join(repoRoot(), 'docs', 'authorization.md');
writeFileSync(target, renderAuthorizationDoc());
process.stdout.write(`Wrote ${target}\n`);
