import { loadConsoleEnv } from './env';

describe('loadConsoleEnv', () => {
  it('should default to port 3000, the four services on 3001–3004 and the local Keycloak realm', () => {
    const env = loadConsoleEnv({});

    expect(env).toMatchObject({
      PORT: 3000,
      INTAKE_URL: 'http://127.0.0.1:3001',
      NOTIFICATION_URL: 'http://127.0.0.1:3004',
      OIDC_ISSUER_URL: 'http://127.0.0.1:8080/realms/paritrana',
      OIDC_CONSOLE_CLIENT_ID: 'paritrana-console',
    });
  });

  it('should name every bad variable at once', () => {
    expect(() => loadConsoleEnv({ PORT: '70000', SCORING_URL: 'scoring:3002' })).toThrow(/PORT[^]*SCORING_URL must be an http\(s\) URL/);
  });
});
