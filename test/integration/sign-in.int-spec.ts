import { freePort } from '@paritrana/infra/ports';
import { developmentTokenFor, http, startServiceProcess, tokenFor, type ServiceProcess } from '@paritrana/testing';

/**
 * Which tokens a service accepts by its configuration, beyond the authorization matrix (the suites'
 * OpenID Connect issuer beside the development secret): the issuer only (production without
 * AUTH_JWT_SECRET), and an issuer that cannot be reached. Each intake runs as its own process.
 */
describe('sign-in: identity provider only, and identity provider unreachable (real Postgres and Kafka)', () => {
  const secretariat = { sub: 'sekretariat-sign-in', role: 'secretariat' } as const;
  const processes: ServiceProcess[] = [];
  const urls = { issuerOnly: '', issuerDown: '' };
  const answer = async (url: string, token: string) => {
    const { status, body } = await http<{ code?: string }>('GET', `${url}/v1/nominations?province=15`, token);
    return { status, code: status === 200 ? undefined : body?.code };
  };
  const start = async (env: Record<string, string>) => {
    const port = await freePort();
    processes.push(await startServiceProcess('nomination-intake', port, env));
    return `http://127.0.0.1:${port}`;
  };

  beforeAll(async () => {
    [urls.issuerOnly, urls.issuerDown] = await Promise.all([
      start({ NODE_ENV: 'production', AUTH_JWT_SECRET: '' }),
      start({ OIDC_ISSUER_URL: 'http://127.0.0.1:1/realms/paritrana' }),
    ]);
  });
  afterAll(() => Promise.all(processes.map((p) => p.kill('SIGTERM'))));

  it('should accept the issuer’s access tokens and refuse development tokens with 401 AUTH_INVALID when production has no AUTH_JWT_SECRET', async () => {
    expect(await answer(urls.issuerOnly, tokenFor(secretariat))).toEqual({ status: 200 });
    expect(await answer(urls.issuerOnly, developmentTokenFor(secretariat))).toEqual({ status: 401, code: 'AUTH_INVALID' });
  });

  it('should answer 503 AUTH_PROVIDER_UNAVAILABLE to an access token when the issuer cannot be reached, and still accept development tokens', async () => {
    expect(await answer(urls.issuerDown, tokenFor(secretariat))).toEqual({ status: 503, code: 'AUTH_PROVIDER_UNAVAILABLE' });
    expect(await answer(urls.issuerDown, developmentTokenFor(secretariat))).toEqual({ status: 200 });
  });
});
