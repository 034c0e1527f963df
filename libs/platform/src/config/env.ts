import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUrl, Max, Min, MinLength, validateSync } from 'class-validator';
import { trustProxySetting } from '../http/trust-proxy';

export const DEVELOPMENT_JWT_SECRET = 'paritrana-development-secret-change-me';

/** Variables every service reads. Each app extends this in its own `config/env.ts`. */
export class CommonEnv {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  @IsString()
  DATABASE_URL: string = 'postgres://postgres@127.0.0.1:5432/paritrana';

  /**
   * Connections each process keeps to PostgreSQL for its work (at least 2: booting holds one for the
   * migration lock while another migrates); it opens one more to LISTEN. Every
   * process of every service counts: see docs/configuration.md for the budget against max_connections.
   */
  @IsInt()
  @Min(2)
  @Max(100)
  DB_POOL_SIZE: number = 10;

  @IsString()
  KAFKA_BROKERS: string = '127.0.0.1:9092';

  /**
   * The secret of development tokens (HS256, `npm run -s token`). Unset in production with
   * OIDC_ISSUER_URL: development tokens are refused there.
   */
  @IsOptional()
  @IsString()
  @MinLength(16)
  AUTH_JWT_SECRET?: string = DEVELOPMENT_JWT_SECRET;

  /** The OpenID Connect issuer whose access tokens are accepted (their `iss`); unset: development tokens only. */
  @IsOptional()
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true, require_tld: false },
    { message: 'OIDC_ISSUER_URL must be an http(s) URL' },
  )
  OIDC_ISSUER_URL?: string = undefined;

  /** What the access tokens' `aud` must contain. */
  @IsString()
  @MinLength(1)
  OIDC_AUDIENCE: string = 'paritrana-api';

  /** Where to fetch the issuer's keys when its public URL is not reachable from here; else discovered. */
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false }, { message: 'OIDC_JWKS_URL must be an http(s) URL' })
  OIDC_JWKS_URL?: string = undefined;

  /** Leeway for the clocks of the provider and this service when checking a token's exp and nbf. */
  @IsInt()
  @Min(0)
  @Max(300)
  OIDC_CLOCK_TOLERANCE_SECONDS: number = 30;

  /** Which reverse proxies' X-Forwarded-For is believed (Express `trust proxy`), so the rate limiter sees the client's address. */
  @IsString()
  TRUST_PROXY: string = 'loopback';

  @IsIn(['true', 'false'])
  KAFKA_CREATE_TOPICS: 'true' | 'false' = 'true';

  @IsInt()
  @Min(1)
  @Max(128)
  KAFKA_PARTITIONS: number = 6;

  /** Copies of each partition a created topic gets; boot fails when an existing topic has fewer. 3 on a production cluster. */
  @IsInt()
  @Min(1)
  @Max(7)
  KAFKA_REPLICATION_FACTOR: number = 1;

  /** Copies that must have a write before it is acknowledged (acks all); at most KAFKA_REPLICATION_FACTOR. 2 on a production cluster. */
  @IsInt()
  @Min(1)
  @Max(7)
  KAFKA_MIN_INSYNC_REPLICAS: number = 1;

  /** How long created topics keep messages; unset, the broker's default (7 days). Keep PROCESSED_EVENTS_RETENTION_HOURS at least as long. */
  @IsOptional()
  @IsInt()
  @Min(1)
  KAFKA_RETENTION_HOURS?: number = undefined;

  /** Requests per client (token holder, else address) and minute, per service instance; 429 beyond. */
  @IsInt()
  @Min(1)
  RATE_LIMIT_PER_MINUTE: number = 600;

  /** Attempts at a consumed event failing transiently before it goes to `<topic>.dlq`. */
  @IsInt()
  @Min(1)
  @Max(100)
  CONSUMER_MAX_ATTEMPTS: number = 8;

  /** The longest pause between two attempts; pauses double from 200 ms up to it. */
  @IsInt()
  @Min(1)
  @Max(600_000)
  CONSUMER_RETRY_MAX_MS: number = 10_000;

  /** A consumer silent this long (no fetch, heartbeat or handled message) is replaced by a new one. */
  @IsInt()
  @Min(10)
  @Max(3_600)
  CONSUMER_STALL_SECONDS: number = 60;

  /**
   * A partition stopped by an unknown failure (a bug) is paused, not dead-lettered; its event is tried
   * again after 1 s, then after pauses doubling up to this.
   */
  @IsInt()
  @Min(1)
  @Max(3_600)
  CONSUMER_PAUSE_MAX_SECONDS: number = 300;

  /** Processed-event records (redelivery dedupe) older than this are pruned; match the topics' retention (Kafka's default: 7 days). */
  @IsInt()
  @Min(1)
  @Max(87_600)
  PROCESSED_EVENTS_RETENTION_HOURS: number = 168;

  @IsOptional()
  @IsIn(['error', 'warn', 'log', 'debug', 'verbose'])
  LOG_LEVEL: 'error' | 'warn' | 'log' | 'debug' | 'verbose' = 'log';
}

export class InvalidEnvironmentError extends Error {
  override readonly name = 'InvalidEnvironmentError';
}

/**
 * Reads and validates the environment once, at boot. Throws one error naming every bad variable,
 * with what is expected, so a misconfigured deployment says exactly what to fix.
 */
export function loadEnv<T extends CommonEnv>(EnvClass: new () => T, source: NodeJS.ProcessEnv): T {
  const defaults = new EnvClass();
  const given = Object.fromEntries(
    Object.keys(defaults)
      .filter((k) => source[k] !== undefined && source[k] !== '')
      .map((k) => [k, source[k]]),
  );
  const env = plainToInstance(EnvClass, { ...defaults, ...given }, { enableImplicitConversion: true });
  const problems = validateSync(env, { skipMissingProperties: false }).flatMap((error) =>
    Object.values(error.constraints ?? {}).map(
      (message) => `  ${error.property}: ${message}${shown(error.property, given[error.property])}`,
    ),
  );
  if (env.NODE_ENV === 'production' && given.AUTH_JWT_SECRET === undefined && env.OIDC_ISSUER_URL) {
    // Production signs in through the identity provider only.
    env.AUTH_JWT_SECRET = undefined;
  } else if (env.NODE_ENV === 'production' && env.AUTH_JWT_SECRET === DEVELOPMENT_JWT_SECRET) {
    problems.push(
      '  AUTH_JWT_SECRET: the development secret is refused when NODE_ENV=production; set OIDC_ISSUER_URL (and no AUTH_JWT_SECRET), or a secret of your own',
    );
  }
  if (trustProxySetting(env.TRUST_PROXY) === undefined) {
    problems.push(
      `  TRUST_PROXY: must be true, false, a number of proxy hops, or comma-separated addresses, subnets and loopback, linklocal, uniquelocal${shown('TRUST_PROXY', given.TRUST_PROXY)}`,
    );
  }
  if (problems.length > 0) {
    throw new InvalidEnvironmentError(`Invalid environment, fix these variables and start again:\n${problems.join('\n')}`);
  }
  return env;
}

/** Values that may hold credentials are never echoed. */
const SECRET_VARIABLES = /SECRET|PASSWORD|TOKEN|_URL$/;
const shown = (name: string, value: unknown) =>
  value === undefined ? ' (not set)' : SECRET_VARIABLES.test(name) ? ' (value hidden)' : ` (got ${JSON.stringify(value)})`;

export const brokerList = (env: CommonEnv) =>
  env.KAFKA_BROKERS.split(',')
    .map((b) => b.trim())
    .filter(Boolean);
