import type { ExecutionContext } from '@nestjs/common';
import type { ThrottlerLimitDetail, ThrottlerModuleOptions } from '@nestjs/throttler';
import type { TokenVerifier } from '../auth/token-verifier';

const WINDOW_MS = 60_000;

/**
 * At most `perMinute` requests per client and minute, counted per service instance. A client is
 * the holder of a valid token (its subject), or else the caller's address (behind a reverse proxy,
 * the client's, as `TRUST_PROXY` allows) — so a flood of bad tokens is limited too, and offices
 * behind one address do not share their allowance.
 */
export function rateLimitOptions(perMinute: number, verifier: TokenVerifier): ThrottlerModuleOptions {
  return {
    throttlers: [{ name: 'default', ttl: WINDOW_MS, limit: perMinute }],
    getTracker: (request: Record<string, unknown>) => clientOf(request, verifier),
    errorMessage: (_: ExecutionContext, limit: ThrottlerLimitDetail) =>
      `Too many requests: at most ${limit.limit} per minute per client; retry after ${limit.timeToBlockExpire} s (Retry-After)`,
  };
}

export async function clientOf(request: Record<string, unknown>, verifier: TokenVerifier): Promise<string> {
  const principal = await verifier.authenticate(request).catch(() => undefined);
  return principal ? `principal:${principal.sub}` : `address:${String(request.ip)}`;
}
