import { Logger, type INestApplication, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';
import { ConsoleModule } from './console.module';
import type { ConsoleEnv } from './config/env';
import { apiProxy } from './proxy/api-proxy';
import { webApp } from './web/web-app';

const LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];

/**
 * The console server: the built app (with its content security policy, set per page), `/config.json`,
 * health, and `/api/<service>/v1/…` forwarded to the four services. No body is parsed here.
 */
export async function startConsole(env: ConsoleEnv): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(ConsoleModule.forRoot(env), {
    bodyParser: false,
    logger: LEVELS.slice(0, LEVELS.indexOf(env.LOG_LEVEL) + 1),
  });
  app.set('trust proxy', 'loopback');
  app.disable('x-powered-by');
  // The page's own policy is set with its nonce in webApp; these are the other headers.
  app.use(helmet({ contentSecurityPolicy: false }));
  app.use(
    '/api',
    apiProxy(
      { intake: env.INTAKE_URL, scoring: env.SCORING_URL, ranking: env.RANKING_URL, notification: env.NOTIFICATION_URL },
      env.CONSOLE_PROXY_TIMEOUT_SECONDS * 1000,
    ),
  );
  app.use(webApp(env.CONSOLE_STATIC_DIR, env.OIDC_ISSUER_URL));
  app.enableShutdownHooks();
  await app.listen(env.PORT, '0.0.0.0');
  new Logger('Console').log(`console listening on http://127.0.0.1:${env.PORT}`);
  return app;
}
