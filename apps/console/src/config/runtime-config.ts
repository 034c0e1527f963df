import type { ConsoleEnv } from './env';

/** What the browser app learns at start from `GET /config.json`: nothing secret, all from the server's environment. */
export interface RuntimeConfig {
  oidc: { authority: string; clientId: string };
}

export const runtimeConfig = (env: ConsoleEnv): RuntimeConfig => ({
  oidc: { authority: env.OIDC_ISSUER_URL, clientId: env.OIDC_CONSOLE_CLIENT_ID },
});
