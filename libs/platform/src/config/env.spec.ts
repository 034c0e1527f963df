import 'reflect-metadata';
import { IsInt, Matches, Max, Min } from 'class-validator';
import { CommonEnv, DEVELOPMENT_JWT_SECRET, InvalidEnvironmentError, brokerList, loadEnv } from './env';

/** A service's environment as an app would declare it: the common variables plus a port and an SMTP URL. */
class SampleEnv extends CommonEnv {
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT: number = 3004;

  @Matches(/^smtps?:\/\/.+/, { message: 'SMTP_URL must look like smtp://host:port' })
  SMTP_URL: string = 'smtp://127.0.0.1:1025';
}

const PRODUCTION_SECRET = 'a-production-secret-of-32-characters!';

/** Runs `load` and returns what it threw, so a test can look at the whole message. */
function thrownBy(load: () => unknown): Error {
  try {
    load();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected loadEnv to throw');
}

describe('loadEnv', () => {
  it('should apply every default when no variable is set', () => {
    const sut = loadEnv(SampleEnv, {});

    expect({ ...sut }).toEqual({
      NODE_ENV: 'development',
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/paritrana',
      DB_POOL_SIZE: 10,
      KAFKA_BROKERS: '127.0.0.1:9092',
      AUTH_JWT_SECRET: DEVELOPMENT_JWT_SECRET,
      OIDC_AUDIENCE: 'paritrana-api',
      OIDC_CLOCK_TOLERANCE_SECONDS: 30,
      TRUST_PROXY: 'loopback',
      KAFKA_CREATE_TOPICS: 'true',
      KAFKA_PARTITIONS: 6,
      KAFKA_REPLICATION_FACTOR: 1,
      KAFKA_MIN_INSYNC_REPLICAS: 1,
      CONSUMER_MAX_ATTEMPTS: 8,
      CONSUMER_RETRY_MAX_MS: 10_000,
      CONSUMER_STALL_SECONDS: 60,
      CONSUMER_PAUSE_MAX_SECONDS: 300,
      PROCESSED_EVENTS_RETENTION_HOURS: 168,
      LOG_LEVEL: 'log',
      RATE_LIMIT_PER_MINUTE: 600,
      PORT: 3004,
      SMTP_URL: 'smtp://127.0.0.1:1025',
    });
  });

  it('should refuse consumer retries when the attempts are zero', () => {
    const sut = thrownBy(() => loadEnv(SampleEnv, { CONSUMER_MAX_ATTEMPTS: '0' }));

    expect(sut.message).toContain('CONSUMER_MAX_ATTEMPTS: CONSUMER_MAX_ATTEMPTS must not be less than 1 (got "0")');
  });

  it('should return an instance of the service class when the environment is valid', () => {
    expect(loadEnv(SampleEnv, {})).toBeInstanceOf(SampleEnv);
  });

  it('should apply the default when a variable is set to an empty string', () => {
    const sut = loadEnv(SampleEnv, { PORT: '', KAFKA_BROKERS: '' });

    expect([sut.PORT, sut.KAFKA_BROKERS]).toEqual([3004, '127.0.0.1:9092']);
  });

  it('should convert numbers from strings when they are set', () => {
    const sut = loadEnv(SampleEnv, { PORT: '8080', KAFKA_PARTITIONS: '12' });

    expect([sut.PORT, sut.KAFKA_PARTITIONS]).toEqual([8080, 12]);
  });

  it('should take strings as given when they are set', () => {
    const sut = loadEnv(SampleEnv, { DATABASE_URL: 'postgres://app@db:5432/award', LOG_LEVEL: 'debug', NODE_ENV: 'test' });

    expect([sut.DATABASE_URL, sut.LOG_LEVEL, sut.NODE_ENV]).toEqual(['postgres://app@db:5432/award', 'debug', 'test']);
  });

  it('should ignore variables when the class does not declare them', () => {
    const sut = loadEnv(SampleEnv, { HOME: '/root', PATH: '/usr/bin' });

    expect(sut).not.toHaveProperty('HOME');
    expect(sut).not.toHaveProperty('PATH');
  });

  it('should throw an InvalidEnvironmentError when a variable is invalid', () => {
    expect(() => loadEnv(SampleEnv, { PORT: '70000' })).toThrow(InvalidEnvironmentError);
  });

  it('should say what was expected and what was given when a number is out of range', () => {
    const sut = thrownBy(() => loadEnv(SampleEnv, { PORT: '70000' }));

    expect(sut.message).toBe(
      'Invalid environment, fix these variables and start again:\n  PORT: PORT must not be greater than 65535 (got "70000")',
    );
  });

  it('should refuse a number when it is fractional', () => {
    const sut = thrownBy(() => loadEnv(SampleEnv, { KAFKA_PARTITIONS: '2.5' }));

    expect(sut.message).toContain('KAFKA_PARTITIONS: KAFKA_PARTITIONS must be an integer number (got "2.5")');
  });

  it('should name both an invalid PORT and an invalid SMTP_URL when both are wrong', () => {
    const sut = thrownBy(() => loadEnv(SampleEnv, { PORT: 'eighty', SMTP_URL: 'http://mail.example.id' }));

    expect(sut).toBeInstanceOf(InvalidEnvironmentError);
    expect(sut.message).toContain('PORT: PORT must be an integer number (got "eighty")');
    expect(sut.message).toContain('SMTP_URL: SMTP_URL must look like smtp://host:port (value hidden)');
  });

  it('should refuse NODE_ENV when it is not a known environment', () => {
    const sut = thrownBy(() => loadEnv(SampleEnv, { NODE_ENV: 'staging' }));

    expect(sut.message).toContain('NODE_ENV: NODE_ENV must be one of the following values: development, test, production (got "staging")');
  });

  it('should refuse the development AUTH_JWT_SECRET when NODE_ENV is production', () => {
    const sut = thrownBy(() => loadEnv(SampleEnv, { NODE_ENV: 'production' }));

    expect(sut).toBeInstanceOf(InvalidEnvironmentError);
    expect(sut.message).toBe(
      'Invalid environment, fix these variables and start again:\n' +
        '  AUTH_JWT_SECRET: the development secret is refused when NODE_ENV=production; set OIDC_ISSUER_URL (and no AUTH_JWT_SECRET), or a secret of your own',
    );
  });

  it('should refuse the development AUTH_JWT_SECRET when production sets it explicitly', () => {
    const sut = thrownBy(() => loadEnv(SampleEnv, { NODE_ENV: 'production', AUTH_JWT_SECRET: DEVELOPMENT_JWT_SECRET }));

    expect(sut.message).toContain('AUTH_JWT_SECRET: the development secret is refused when NODE_ENV=production');
  });

  it('should accept production when it has a secret of its own', () => {
    const sut = loadEnv(SampleEnv, { NODE_ENV: 'production', AUTH_JWT_SECRET: PRODUCTION_SECRET });

    expect([sut.NODE_ENV, sut.AUTH_JWT_SECRET]).toEqual(['production', PRODUCTION_SECRET]);
  });

  it('should refuse AUTH_JWT_SECRET when it is shorter than 16 characters', () => {
    const sut = thrownBy(() => loadEnv(SampleEnv, { AUTH_JWT_SECRET: 'fifteen-chars!!' }));

    expect(sut.message).toContain('AUTH_JWT_SECRET: AUTH_JWT_SECRET must be longer than or equal to 16 characters (value hidden)');
    expect(sut.message).not.toContain('fifteen-chars!!');
  });

  it('should report the production secret and a bad PORT together when both are wrong', () => {
    const sut = thrownBy(() => loadEnv(SampleEnv, { NODE_ENV: 'production', PORT: '0' }));

    expect(sut.message).toBe(
      'Invalid environment, fix these variables and start again:\n' +
        '  PORT: PORT must not be less than 1 (got "0")\n' +
        '  AUTH_JWT_SECRET: the development secret is refused when NODE_ENV=production; set OIDC_ISSUER_URL (and no AUTH_JWT_SECRET), or a secret of your own',
    );
  });
});

describe('loadEnv: sign-in', () => {
  const ISSUER = 'http://127.0.0.1:8080/realms/paritrana';

  it('should keep the development secret beside the issuer when not in production (npm run -s token keeps working)', () => {
    const sut = loadEnv(SampleEnv, { OIDC_ISSUER_URL: ISSUER });

    expect([sut.OIDC_ISSUER_URL, sut.OIDC_AUDIENCE, sut.AUTH_JWT_SECRET]).toEqual([ISSUER, 'paritrana-api', DEVELOPMENT_JWT_SECRET]);
  });

  it('should accept only the issuer’s tokens when production sets OIDC_ISSUER_URL and no AUTH_JWT_SECRET', () => {
    const sut = loadEnv(SampleEnv, { NODE_ENV: 'production', OIDC_ISSUER_URL: ISSUER });

    expect(sut.AUTH_JWT_SECRET).toBeUndefined();
  });

  it('should keep a secret of its own beside the issuer when production sets both', () => {
    const sut = loadEnv(SampleEnv, { NODE_ENV: 'production', OIDC_ISSUER_URL: ISSUER, AUTH_JWT_SECRET: PRODUCTION_SECRET });

    expect(sut.AUTH_JWT_SECRET).toBe(PRODUCTION_SECRET);
  });

  it('should refuse the development secret when production sets it explicitly beside the issuer', () => {
    const sut = thrownBy(() =>
      loadEnv(SampleEnv, { NODE_ENV: 'production', OIDC_ISSUER_URL: ISSUER, AUTH_JWT_SECRET: DEVELOPMENT_JWT_SECRET }),
    );

    expect(sut.message).toContain('AUTH_JWT_SECRET: the development secret is refused when NODE_ENV=production');
  });

  it('should take the audience and the keys URL when they are given', () => {
    const sut = loadEnv(SampleEnv, {
      OIDC_ISSUER_URL: ISSUER,
      OIDC_AUDIENCE: 'award-api',
      OIDC_JWKS_URL: 'http://keycloak:8080/realms/paritrana/protocol/openid-connect/certs',
    });

    expect([sut.OIDC_AUDIENCE, sut.OIDC_JWKS_URL]).toEqual([
      'award-api',
      'http://keycloak:8080/realms/paritrana/protocol/openid-connect/certs',
    ]);
  });

  it('should refuse OIDC_ISSUER_URL and OIDC_JWKS_URL when they are not http(s) URLs, without echoing them', () => {
    const sut = thrownBy(() =>
      loadEnv(SampleEnv, { OIDC_ISSUER_URL: 'keycloak/realms/paritrana', OIDC_JWKS_URL: 'ftp://keys.example.id/certs' }),
    );

    expect(sut.message).toContain('OIDC_ISSUER_URL: OIDC_ISSUER_URL must be an http(s) URL (value hidden)');
    expect(sut.message).toContain('OIDC_JWKS_URL: OIDC_JWKS_URL must be an http(s) URL (value hidden)');
  });

  it.each(['true', 'false', '1', 'loopback', 'loopback, 10.0.0.0/8', 'uniquelocal,fd00::/8,192.168.1.10'])(
    'should accept TRUST_PROXY=%s',
    (value) => {
      expect(loadEnv(SampleEnv, { TRUST_PROXY: value }).TRUST_PROXY).toBe(value);
    },
  );

  it.each(['everyone', '10.0.0.0/33', 'loopback,', '300.1.1.1'])('should refuse TRUST_PROXY=%s', (value) => {
    expect(thrownBy(() => loadEnv(SampleEnv, { TRUST_PROXY: value })).message).toContain(
      `TRUST_PROXY: must be true, false, a number of proxy hops`,
    );
  });
});

describe('brokerList', () => {
  it('should split, trim and drop empty brokers when KAFKA_BROKERS lists several', () => {
    const sut = brokerList(loadEnv(SampleEnv, { KAFKA_BROKERS: 'kafka-1:9092, kafka-2:9092,,' }));

    expect(sut).toEqual(['kafka-1:9092', 'kafka-2:9092']);
  });
});
