import type { INestApplication } from '@nestjs/common';
import { freePort } from '@paritrana/infra/ports';
import { startHttpApp } from '@paritrana/platform';
import { loadIntakeEnv } from '../../apps/nomination-intake/src/config/env';
import { INTAKE_API, INTAKE_BODY_LIMIT, IntakeModule } from '../../apps/nomination-intake/src/intake.module';
import { loadNotificationEnv } from '../../apps/notification/src/config/env';
import { NOTIFICATION_API, NotificationModule } from '../../apps/notification/src/notification.module';
import { loadRankingEnv } from '../../apps/ranking/src/config/env';
import { RANKING_API, RankingModule } from '../../apps/ranking/src/ranking.module';
import { loadScoringEnv } from '../../apps/scoring/src/config/env';
import { SCORING_API, ScoringModule } from '../../apps/scoring/src/scoring.module';

export interface Platform {
  urls: { intake: string; scoring: string; ranking: string; notification: string };
  close(): Promise<void>;
}

/**
 * The four services, each a real Nest app on its own port, in this process, against the
 * KAFKA_BROKERS and DATABASE_URL the global setup provided.
 */
export type ServiceName = 'intake' | 'scoring' | 'ranking' | 'notification';

export async function startPlatform(
  overrides: Record<string, string> = {},
  services: ServiceName[] = ['intake', 'scoring', 'ranking', 'notification'],
): Promise<Platform> {
  const base = { ...process.env, LOG_LEVEL: 'warn', ...overrides };
  const ports = { intake: await freePort(), scoring: await freePort(), ranking: await freePort(), notification: await freePort() };
  const logLevel = 'warn' as const;
  const env = (port: number) => ({ ...base, PORT: String(port) });
  const modules = {
    intake: () => IntakeModule.forRoot(loadIntakeEnv(env(ports.intake))),
    scoring: () => ScoringModule.forRoot(loadScoringEnv(env(ports.scoring))),
    ranking: () => RankingModule.forRoot(loadRankingEnv(env(ports.ranking))),
    notification: () => NotificationModule.forRoot(loadNotificationEnv(env(ports.notification))),
  };
  const apis = { intake: INTAKE_API, scoring: SCORING_API, ranking: RANKING_API, notification: NOTIFICATION_API };
  const apps: INestApplication[] = [];
  for (const name of services) {
    apps.push(
      await startHttpApp(modules[name](), {
        ...apis[name],
        port: ports[name],
        logLevel,
        ...(name === 'intake' ? { bodyLimit: INTAKE_BODY_LIMIT } : {}),
      }),
    );
  }
  const url = (port: number) => `http://127.0.0.1:${port}`;
  return {
    urls: { intake: url(ports.intake), scoring: url(ports.scoring), ranking: url(ports.ranking), notification: url(ports.notification) },
    close: async () => {
      for (const app of apps.reverse()) await app.close();
    },
  };
}

/** Nomination intake alone, for suites that exercise only its API. */
export async function startIntake(overrides: Record<string, string> = {}): Promise<{ url: string; close(): Promise<void> }> {
  const port = await freePort();
  const app = await startHttpApp(
    IntakeModule.forRoot(loadIntakeEnv({ ...process.env, LOG_LEVEL: 'warn', ...overrides, PORT: String(port) })),
    {
      ...INTAKE_API,
      port,
      logLevel: 'warn',
      bodyLimit: INTAKE_BODY_LIMIT,
    },
  );
  return { url: `http://127.0.0.1:${port}`, close: () => app.close() };
}
