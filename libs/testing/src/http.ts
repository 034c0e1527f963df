import type { Principal } from '@paritrana/contracts';
import { DEVELOPMENT_JWT_SECRET, signToken } from '@paritrana/platform';

/** A token the services accept, for a principal (signed with AUTH_JWT_SECRET, else the development secret). */
export const tokenFor = (principal: Omit<Principal, 'name'> & { name?: string }) =>
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
