import { deviceSignIn, SignInError, type DevicePrompt } from './device-sign-in';

const ISSUER = 'http://idp.test/realms/paritrana';

/** The provider's answers to the token endpoint, one per poll, after discovery and the device request. */
function provider(tokenAnswers: Array<{ status: number; body: Record<string, unknown> }>) {
  const calls: string[] = [];
  const polls: URLSearchParams[] = [];
  const fetch = (async (url: string, init?: RequestInit) => {
    calls.push(url);
    const reply = (status: number, body: unknown) => new Response(JSON.stringify(body), { status });
    if (url.endsWith('/.well-known/openid-configuration'))
      return reply(200, { device_authorization_endpoint: `${ISSUER}/device`, token_endpoint: `${ISSUER}/token` });
    if (url.endsWith('/device'))
      return reply(200, {
        device_code: 'dev-123',
        user_code: 'ABCD-EFGH',
        verification_uri: `${ISSUER}/device`,
        verification_uri_complete: `${ISSUER}/device?user_code=ABCD-EFGH`,
        expires_in: 600,
        interval: 5,
      });
    polls.push(init?.body as URLSearchParams);
    const next = tokenAnswers.shift()!;
    return reply(next.status, next.body);
  }) as typeof globalThis.fetch;
  return { fetch, calls, polls };
}

describe('deviceSignIn', () => {
  const waits: number[] = [];
  const sleep = async (ms: number) => void waits.push(ms);
  beforeEach(() => (waits.length = 0));

  it('should show the address and code, then return the access token when the person has signed in', async () => {
    const idp = provider([
      { status: 400, body: { error: 'authorization_pending' } },
      { status: 200, body: { access_token: 'the-token' } },
    ]);
    const prompts: DevicePrompt[] = [];

    const token = await deviceSignIn({ issuer: ISSUER, fetch: idp.fetch, sleep, onPrompt: (p) => prompts.push(p) });

    expect(token).toBe('the-token');
    expect(prompts).toEqual([
      {
        verificationUri: `${ISSUER}/device`,
        verificationUriComplete: `${ISSUER}/device?user_code=ABCD-EFGH`,
        userCode: 'ABCD-EFGH',
        expiresInSeconds: 600,
      },
    ]);
    expect(waits).toEqual([5_000, 5_000]);
    expect(idp.polls.map((p) => [p.get('grant_type'), p.get('device_code'), p.get('client_id')])).toEqual([
      ['urn:ietf:params:oauth:grant-type:device_code', 'dev-123', 'paritrana-cli'],
      ['urn:ietf:params:oauth:grant-type:device_code', 'dev-123', 'paritrana-cli'],
    ]);
  });

  it('should poll 5 s more slowly when the provider says slow_down', async () => {
    const idp = provider([
      { status: 400, body: { error: 'slow_down' } },
      { status: 200, body: { access_token: 't' } },
    ]);

    await deviceSignIn({ issuer: ISSUER, fetch: idp.fetch, sleep, onPrompt: () => undefined });

    expect(waits).toEqual([5_000, 10_000]);
  });

  it('should say so when the person refused, or the code expired', async () => {
    await expect(
      deviceSignIn({
        issuer: ISSUER,
        fetch: provider([{ status: 400, body: { error: 'access_denied' } }]).fetch,
        sleep,
        onPrompt: () => undefined,
      }),
    ).rejects.toThrow(new SignInError('Sign-in was refused in the browser'));
    await expect(
      deviceSignIn({
        issuer: ISSUER,
        fetch: provider([{ status: 400, body: { error: 'expired_token' } }]).fetch,
        sleep,
        onPrompt: () => undefined,
      }),
    ).rejects.toThrow('The sign-in code expired before it was used; run the command again');
  });

  it('should name the provider when it cannot be reached', async () => {
    const down = (async () => {
      throw new TypeError('fetch failed');
    }) as typeof fetch;

    await expect(deviceSignIn({ issuer: ISSUER, fetch: down, sleep, onPrompt: () => undefined })).rejects.toThrow(
      `Cannot reach the sign-in provider at ${ISSUER}: fetch failed`,
    );
  });
});
