import { Logger, type INestApplication, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { collectDefaultMetrics, register } from 'prom-client';
import { openApiDocument, type ApiDescription } from './openapi';
import { strictValidationPipe } from './validation';

export interface HttpAppOptions extends ApiDescription {
  port: number;
  logLevel: LogLevel;
  bodyLimit?: string;
}

const LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];

/** Builds and starts a service's HTTP app: helmet's security headers, strict validation, size-limited bodies, OpenAPI at /docs, graceful shutdown. */
export async function startHttpApp(module: unknown, options: HttpAppOptions): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(module as never, {
    bodyParser: false,
    logger: LEVELS.slice(0, LEVELS.indexOf(options.logLevel) + 1),
  });
  // Services answer plain HTTP behind the deployment's TLS proxy; upgrading the docs page's own
  // script requests to https would break it on a developer's machine.
  app.use(helmet({ contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } } }));
  app.useBodyParser('json', { limit: options.bodyLimit ?? '1mb' });
  app.useGlobalPipes(strictValidationPipe());
  app.enableShutdownHooks();
  if (!register.getSingleMetric('process_cpu_user_seconds_total')) collectDefaultMetrics();
  SwaggerModule.setup('docs', app, openApiDocument(app, options));
  await app.listen(options.port, '0.0.0.0');
  new Logger('Bootstrap').log(`${options.title} listening on http://127.0.0.1:${options.port} (docs at /docs)`);
  return app;
}
