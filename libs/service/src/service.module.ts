import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MessagingHealth, MessagingModule, type MessagingOptions } from '@paritrana/messaging';
import { DataSource, type MixedList } from 'typeorm';
import {
  AuditModule,
  AuthGuard,
  brokerList,
  dataSourceOptions,
  HealthController,
  HttpExceptionFilter,
  initializeServiceDatabase,
  READINESS_CHECKS,
  Transactions,
  TypeOrmTransactions,
  type CommonEnv,
  type ReadinessCheck,
} from '@paritrana/platform';
import { TokenVerifier } from '@paritrana/platform/auth/token-verifier';
import { rateLimitOptions } from '@paritrana/platform/http/rate-limit';
import { TRUST_PROXY, TrustProxy, trustProxySetting } from '@paritrana/platform/http/trust-proxy';
import { HttpMetricsInterceptor } from '@paritrana/platform/metrics/http-metrics.interceptor';
import { MetricsController } from '@paritrana/platform/metrics/metrics.controller';

export interface ServiceModuleOptions {
  service: string;
  schema: string;
  env: CommonEnv;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function>;
  /** Keep an audit trail (`AuditLog`, `GET /v1/audit`) in `<schema>.audit_log`. */
  audit?: boolean;
  messaging?: Partial<
    Pick<
      MessagingOptions,
      | 'relayBatchSize'
      | 'relayBatchBytes'
      | 'relayIntervalMs'
      | 'retry'
      | 'unknownFailurePause'
      | 'processedEventsRetentionMs'
      | 'processedEventsPruneIntervalMs'
    >
  >;
}

/** Everything a Paritrana service shares: its database schema, messaging, auth, errors, health and metrics. */
@Module({})
export class ServiceModule {
  static forRoot(options: ServiceModuleOptions): DynamicModule {
    const { env, schema, service } = options;
    const verifier = new TokenVerifier({
      developmentSecret: env.AUTH_JWT_SECRET,
      oidc: env.OIDC_ISSUER_URL
        ? {
            issuer: env.OIDC_ISSUER_URL,
            audience: env.OIDC_AUDIENCE,
            jwksUrl: env.OIDC_JWKS_URL,
            clockToleranceSeconds: env.OIDC_CLOCK_TOLERANCE_SECONDS,
          }
        : undefined,
    });
    return {
      module: ServiceModule,
      global: true,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => ({
            ...dataSourceOptions({ url: env.DATABASE_URL, schema, migrations: options.migrations, poolSize: env.DB_POOL_SIZE }),
            autoLoadEntities: true,
          }),
          dataSourceFactory: async (dsOptions) => initializeServiceDatabase(new DataSource(dsOptions!), schema),
        }),
        MessagingModule.forRoot({
          service,
          schema,
          brokers: brokerList(env),
          databaseUrl: env.DATABASE_URL,
          groupId: `paritrana-${service}`,
          createTopics: env.KAFKA_CREATE_TOPICS === 'true',
          topics: {
            partitions: env.KAFKA_PARTITIONS,
            replicationFactor: env.KAFKA_REPLICATION_FACTOR,
            minInsyncReplicas: env.KAFKA_MIN_INSYNC_REPLICAS,
            retentionMs: env.KAFKA_RETENTION_HOURS === undefined ? undefined : env.KAFKA_RETENTION_HOURS * 3_600_000,
          },
          relayBatchSize: 500,
          relayBatchBytes: 2 * 2 ** 20,
          relayIntervalMs: 500,
          retry: { maxAttempts: env.CONSUMER_MAX_ATTEMPTS, initialDelayMs: 200, maxDelayMs: env.CONSUMER_RETRY_MAX_MS },
          consumerStallMs: env.CONSUMER_STALL_SECONDS * 1000,
          unknownFailurePause: { initialMs: 1_000, maxMs: env.CONSUMER_PAUSE_MAX_SECONDS * 1000 },
          processedEventsRetentionMs: env.PROCESSED_EVENTS_RETENTION_HOURS * 3_600_000,
          ...options.messaging,
        }),
        ThrottlerModule.forRoot(rateLimitOptions(env.RATE_LIMIT_PER_MINUTE, verifier)),
        ...(options.audit ? [AuditModule.forSchema(schema)] : []),
      ],
      controllers: [HealthController, MetricsController],
      providers: [
        { provide: Transactions, useClass: TypeOrmTransactions },
        { provide: TokenVerifier, useValue: verifier },
        { provide: TRUST_PROXY, useValue: trustProxySetting(env.TRUST_PROXY) },
        TrustProxy,
        { provide: APP_GUARD, useClass: ThrottlerGuard },
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: HttpExceptionFilter },
        { provide: APP_INTERCEPTOR, useClass: HttpMetricsInterceptor },
        {
          provide: READINESS_CHECKS,
          inject: [DataSource, MessagingHealth],
          useFactory: (dataSource: DataSource, messaging: MessagingHealth): ReadinessCheck[] => [
            { name: 'database', check: async () => (await dataSource.query('SELECT 1')).length === 1 },
            { name: 'kafka', check: () => messaging.isReachable() },
          ],
        },
      ],
      exports: [Transactions],
    };
  }
}
