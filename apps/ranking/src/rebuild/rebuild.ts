import 'reflect-metadata';
import { Topics } from '@paritrana/contracts';
import { brokerList, dataSourceOptions } from '@paritrana/platform';
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { loadRankingEnv } from '../config/env';
import { rebuildEdition } from './rebuild.service';

/**
 * Rebuilds every board of an edition from the event log (editions, nominations, scores and
 * publications, from the beginning, following what is appended while it compares), and again from the rankings topic's
 * compact changes alone, and proves both equal the live boards. Usage: npm run rebuild -- --edition 2024 [--settle 30]
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { edition: { type: 'string' }, settle: { type: 'string' } } });
  if (!values.edition) throw new Error('Usage: npm run rebuild -- --edition CODE [--settle SECONDS]');
  const env = loadRankingEnv();
  const dataSource = await new DataSource(dataSourceOptions({ url: env.DATABASE_URL, schema: 'ranking', migrations: [] })).initialize();
  try {
    const report = await rebuildEdition({
      brokers: brokerList(env),
      dataSource,
      edition: values.edition,
      settleSeconds: Number(values.settle ?? 30),
    });
    const nominations = report.boards.reduce((n, b) => n + b.standings.length + b.ineligible.length, 0);
    process.stderr.write('\n');
    if (report.differences.length > 0) {
      process.stdout.write(
        `${report.differences.length} board(s) differ from the live boards:\n${report.differences.map((d) => `  ${d}`).join('\n')}\n`,
      );
      process.exitCode = 1;
    } else {
      process.stdout.write(
        `All ${report.boards.length} board(s) of edition ${values.edition} (${nominations} nominations) rebuilt from ${report.events} events in ${report.rebuildSeconds.toFixed(2)} s equal the live boards, ` +
          `both as ranking builds them and as a consumer of ${Topics.Rankings} keeps them from their changes\n`,
      );
    }
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: Error) => {
  process.stderr.write(`rebuild failed: ${error.message}\n`);
  process.exit(2);
});
