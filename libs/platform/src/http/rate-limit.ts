import type { ExecutionContext } from '@nestjs/common';
import type { ThrottlerLimitDetail, ThrottlerModuleOptions } from '@nestjs/throttler';
import { verifyToken } from '../auth/jwt';

const WINDOW_MS = 60_000;

/**
 * At most `perMinute` requests per client and minute, counted per service instance. A client is
 * the holder of a valid token (its subject), or else the caller's address — so a flood of bad
 * tokens is limited too, and offices behind one address do not share their allowance.
 */
export function rateLimitOptions(perMinute: number, secret: string): ThrottlerModuleOptions {
  return {
    throttlers: [{ name: 'default', ttl: WINDOW_MS, limit: perMinute }],
    getTracker: (request: Record<string, unknown>) => clientOf(request, secret),
    errorMessage: (_: ExecutionContext, limit: ThrottlerLimitDetail) =>
      `Too many requests: at most ${limit.limit} per minute per client; retry after ${limit.timeToBlockExpire} s (Retry-After)`,
  };
}

export function clientOf(request: Record<string, unknown>, secret: string): string {
  const header = (request.headers as Record<string, string | undefined> | undefined)?.authorization ?? '';
  const [scheme, token] = header.split(' ');
  const principal = scheme === 'Bearer' && token ? verifyToken(secret, token) : undefined;
  return principal ? `principal:${principal.sub}` : `address:${String(request.ip)}`;
}
