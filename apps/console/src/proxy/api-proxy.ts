import { Logger } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';

/** The services behind `/api/<name>`, by the name the browser uses. */
export type ServiceUrls = Record<'intake' | 'scoring' | 'ranking' | 'notification', string>;

/** Headers that belong to one connection and are never forwarded (RFC 9110 §7.6.1). */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'host',
]);

/** Only the versioned APIs are reachable through the console: metrics, health and docs stay internal. */
const FORWARDED_PATH = /^\/(intake|scoring|ranking|notification)(\/v1\/[^]*)$/;

export interface ProxyTarget {
  service: keyof ServiceUrls;
  url: URL;
}

/** Where `/api/<service>/v1/...` goes, or undefined when the path is not one the console forwards. */
export function proxyTarget(services: ServiceUrls, pathAndQuery: string): ProxyTarget | undefined {
  const match = FORWARDED_PATH.exec(pathAndQuery);
  if (!match) return undefined;
  const service = match[1] as keyof ServiceUrls;
  const base = new URL(services[service]);
  return { service, url: new URL(`${base.pathname.replace(/\/$/, '')}${match[2]}`, base) };
}

export function forwardedHeaders(headers: IncomingHttpHeaders, clientAddress: string | undefined, host: string | undefined) {
  const forwarded: IncomingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) if (!HOP_BY_HOP.has(name) && value !== undefined) forwarded[name] = value;
  const chain = [headers['x-forwarded-for'], clientAddress].flat().filter(Boolean).join(', ');
  if (chain) forwarded['x-forwarded-for'] = chain;
  if (host) forwarded['x-forwarded-host'] = host;
  return forwarded;
}

class ServiceTimeout extends Error {}

const problem = (response: Response, status: number, code: string, message: string) => {
  if (response.headersSent) return response.destroy();
  response.status(status).type('application/json').send({ statusCode: status, code, message });
};

/**
 * Express middleware mounted at `/api`: streams each request to its service and the answer back
 * unchanged, so the browser talks to one origin and the services need no CORS. A service that does
 * not answer gives the browser 502 (down) or 504 (too slow) with a code, never a hung request.
 */
export function apiProxy(services: ServiceUrls, timeoutMs: number) {
  const logger = new Logger('ApiProxy');
  return (req: Request, res: Response, next: NextFunction) => {
    const target = proxyTarget(services, req.url);
    if (!target) return next();
    const send = target.url.protocol === 'https:' ? httpsRequest : httpRequest;
    const upstream = send(target.url, {
      method: req.method,
      headers: forwardedHeaders(req.headers, req.socket.remoteAddress, req.headers.host),
      timeout: timeoutMs,
    });
    upstream.on('response', (answer) => {
      const headers = Object.fromEntries(Object.entries(answer.headers).filter(([name]) => !HOP_BY_HOP.has(name)));
      res.writeHead(answer.statusCode ?? 502, headers as Record<string, string | string[]>);
      answer.pipe(res);
    });
    upstream.on('timeout', () => upstream.destroy(new ServiceTimeout()));
    upstream.on('error', (error) => {
      if (res.headersSent) return res.destroy();
      const timedOut = error instanceof ServiceTimeout;
      logger.warn(
        `${target.service} ${timedOut ? `did not answer within ${timeoutMs} ms` : `unreachable (${error.message})`}: ${req.method} ${target.url.pathname}`,
      );
      if (timedOut) problem(res, 504, 'SERVICE_TIMEOUT', `The ${target.service} service did not answer in time; try again in a moment.`);
      else problem(res, 502, 'SERVICE_UNAVAILABLE', `The ${target.service} service cannot be reached; try again in a moment.`);
    });
    req.on('aborted', () => upstream.destroy());
    req.pipe(upstream);
  };
}
