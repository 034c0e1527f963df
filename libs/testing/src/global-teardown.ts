import { dropDatabase } from '@paritrana/infra/postgres';
import type { TestInfra } from './test-infra';

export default async function globalTeardown(): Promise<void> {
  const infra = (globalThis as { __paritranaInfra?: TestInfra }).__paritranaInfra;
  if (!infra) return;
  for (const { adminUrl, name } of infra.databases) await dropDatabase(adminUrl, name).catch(() => undefined);
  for (const stop of infra.stops.reverse()) await stop();
}
