import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { isIP } from 'node:net';

export const TRUST_PROXY = Symbol('TRUST_PROXY');

export type TrustProxySetting = boolean | number | string[];

const NAMED = ['loopback', 'linklocal', 'uniquelocal'];

/**
 * Express's `trust proxy` from `TRUST_PROXY`: `true`/`false`, a number of proxy hops, or
 * comma-separated addresses, subnets (CIDR) and the names loopback, linklocal, uniquelocal.
 * Returns undefined when the value is none of these.
 */
export function trustProxySetting(value: string): TrustProxySetting | undefined {
  const text = value.trim();
  if (text === 'true' || text === 'false') return text === 'true';
  if (/^\d+$/.test(text)) return Number(text);
  const parts = text.split(',').map((p) => p.trim());
  const valid = (part: string) => {
    if (NAMED.includes(part)) return true;
    const [address, prefix, ...rest] = part.split('/');
    const family = isIP(address);
    if (family === 0 || rest.length > 0) return false;
    return prefix === undefined || (/^\d+$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128));
  };
  return parts.length > 0 && parts.every(valid) ? parts : undefined;
}

/** Tells Express which proxies to trust, so `request.ip` is the client's address behind them (the rate limiter keys on it). */
@Injectable()
export class TrustProxy implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(TRUST_PROXY) private readonly setting: TrustProxySetting,
  ) {}

  onModuleInit(): void {
    const app = this.adapterHost.httpAdapter?.getInstance?.() as { set?: (name: string, value: unknown) => void } | undefined;
    if (typeof app?.set === 'function') app.set('trust proxy', this.setting);
  }
}
