/**
 * Sign-in for the command-line tools: the OAuth 2.0 device authorization grant (RFC 8628) against
 * the platform's OpenID Connect provider. The person opens the printed address in any browser,
 * signs in there, and the tool receives an access token.
 */

export const LOCAL_ISSUER = 'http://127.0.0.1:8080/realms/paritrana';
export const CLI_CLIENT_ID = 'paritrana-cli';

export interface DevicePrompt {
  verificationUri: string;
  /** The address with the code filled in, when the provider gives one. */
  verificationUriComplete?: string;
  userCode: string;
  expiresInSeconds: number;
}

export interface DeviceSignInOptions {
  issuer: string;
  clientId?: string;
  onPrompt(prompt: DevicePrompt): void;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
}

export class SignInError extends Error {}

interface TokenAnswer {
  access_token?: string;
  error?: string;
  error_description?: string;
}

export async function deviceSignIn(options: DeviceSignInOptions): Promise<string> {
  const http = options.fetch ?? fetch;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const clientId = options.clientId ?? CLI_CLIENT_ID;
  const discovery = await json<{ device_authorization_endpoint?: string; token_endpoint?: string }>(
    http(`${options.issuer}/.well-known/openid-configuration`),
    `Cannot reach the sign-in provider at ${options.issuer}`,
  );
  if (!discovery.device_authorization_endpoint || !discovery.token_endpoint)
    throw new SignInError(`${options.issuer} offers no device sign-in; pass --token instead`);

  const device = await json<{
    device_code: string;
    user_code: string;
    verification_uri: string;
    verification_uri_complete?: string;
    expires_in: number;
    interval?: number;
  }>(
    http(discovery.device_authorization_endpoint, { method: 'POST', body: new URLSearchParams({ client_id: clientId, scope: 'openid' }) }),
    `The provider refused device sign-in for ${clientId}`,
  );
  options.onPrompt({
    verificationUri: device.verification_uri,
    verificationUriComplete: device.verification_uri_complete,
    userCode: device.user_code,
    expiresInSeconds: device.expires_in,
  });

  let intervalMs = (device.interval ?? 5) * 1000;
  const deadline = Date.now() + device.expires_in * 1000;
  for (;;) {
    await sleep(intervalMs);
    const response = await http(discovery.token_endpoint, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'urn:ietf:params:oauth:grant-type:device_code',
        device_code: device.device_code,
        client_id: clientId,
      }),
    });
    const answer = (await response.json().catch(() => ({}))) as TokenAnswer;
    if (response.ok && answer.access_token) return answer.access_token;
    if (answer.error === 'authorization_pending' && Date.now() < deadline) continue;
    if (answer.error === 'slow_down') {
      intervalMs += 5_000;
      continue;
    }
    if (answer.error === 'access_denied') throw new SignInError('Sign-in was refused in the browser');
    if (answer.error === 'expired_token' || answer.error === 'authorization_pending')
      throw new SignInError('The sign-in code expired before it was used; run the command again');
    throw new SignInError(`Sign-in failed: ${answer.error_description ?? answer.error ?? `HTTP ${response.status}`}`);
  }
}

async function json<T>(request: Promise<Response>, failure: string): Promise<T> {
  let response: Response;
  try {
    response = await request;
  } catch (error) {
    throw new SignInError(`${failure}: ${(error as Error).message}`);
  }
  if (!response.ok) throw new SignInError(`${failure} (HTTP ${response.status})`);
  return (await response.json()) as T;
}
