import type { Principal } from '@paritrana/contracts';
import { DEVELOPMENT_JWT_SECRET, signToken } from '@paritrana/platform';
import { oidcTokenFor } from './oidc-issuer';

type TokenPrincipal = Omit<Principal, 'name'> & { name?: string };

/** An access token the services accept, for a principal: from the suites' OpenID Connect issuer, in Keycloak's shape. */
export const tokenFor = (principal: TokenPrincipal): string => oidcTokenFor(principal);

/** A development token (HS256, `npm run -s token`), signed with AUTH_JWT_SECRET, else the development secret. */
export const developmentTokenFor = (principal: TokenPrincipal): string =>
  signToken(process.env.AUTH_JWT_SECRET ?? DEVELOPMENT_JWT_SECRET, { name: principal.sub, ...principal });

export interface HttpResult<T = unknown> {
  status: number;
  body: T;
}

export async function http<T = unknown>(
  method: string,
  url: string,
  token?: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<HttpResult<T>> {
  const response = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
}
