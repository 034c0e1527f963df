import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUrl, Max, Min, MinLength, validateSync } from 'class-validator';
import { join } from 'node:path';

const url = (name: string) =>
  IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false }, { message: `${name} must be an http(s) URL` });

/** What the console server reads from its environment: where it listens, the four services, the sign-in provider. */
export class ConsoleEnv {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  @IsInt()
  @Min(1)
  @Max(65535)
  PORT: number = 3000;

  @url('INTAKE_URL')
  INTAKE_URL: string = 'http://127.0.0.1:3001';

  @url('SCORING_URL')
  SCORING_URL: string = 'http://127.0.0.1:3002';

  @url('RANKING_URL')
  RANKING_URL: string = 'http://127.0.0.1:3003';

  @url('NOTIFICATION_URL')
  NOTIFICATION_URL: string = 'http://127.0.0.1:3004';

  /** The OpenID Connect issuer the browser signs in with (Authorization Code + PKCE). */
  @url('OIDC_ISSUER_URL')
  OIDC_ISSUER_URL: string = 'http://127.0.0.1:8080/realms/paritrana';

  /** The public client registered for the console at that issuer. */
  @IsString()
  @MinLength(1)
  OIDC_CONSOLE_CLIENT_ID: string = 'paritrana-console';

  /** The built single-page app (`npm run build:console`). */
  @IsString()
  CONSOLE_STATIC_DIR: string = join(__dirname, '..', '..', '..', '..', 'console-web');

  /** How long a proxied request may wait for its service before the browser gets 504. */
  @IsInt()
  @Min(1)
  @Max(600)
  CONSOLE_PROXY_TIMEOUT_SECONDS: number = 60;

  @IsOptional()
  @IsIn(['error', 'warn', 'log', 'debug', 'verbose'])
  LOG_LEVEL: 'error' | 'warn' | 'log' | 'debug' | 'verbose' = 'log';
}

export class InvalidConsoleEnvironmentError extends Error {
  override readonly name = 'InvalidConsoleEnvironmentError';
}

/** The only reader of process.env in the console server; one error names every bad variable. */
export function loadConsoleEnv(source: NodeJS.ProcessEnv = process.env): ConsoleEnv {
  const defaults = new ConsoleEnv();
  const given = Object.fromEntries(
    Object.keys(defaults)
      .filter((key) => source[key] !== undefined && source[key] !== '')
      .map((key) => [key, source[key]]),
  );
  const env = plainToInstance(ConsoleEnv, { ...defaults, ...given }, { enableImplicitConversion: true });
  const problems = validateSync(env).flatMap((error) =>
    Object.values(error.constraints ?? {}).map((message) => `  ${error.property}: ${message}`),
  );
  if (problems.length > 0)
    throw new InvalidConsoleEnvironmentError(`Invalid environment, fix these variables and start again:\n${problems.join('\n')}`);
  return env;
}
