import type { NextFunction, Request, Response } from 'express';
import express from 'express';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Placeholder in the built index.html that receives each response's style nonce (see web/index.html). */
export const NONCE_PLACEHOLDER = '__CSP_NONCE__';

export class ConsoleNotBuiltError extends Error {
  override readonly name = 'ConsoleNotBuiltError';
}

/**
 * The content security policy of every page: scripts from this origin only; styles from this
 * origin plus the `<style>` elements the UI library writes, which carry this response's nonce;
 * connections to this origin (the API proxy) and the sign-in provider; no framing, no plugins.
 */
export function contentSecurityPolicy(nonce: string, issuerUrl: string): string {
  const issuer = new URL(issuerUrl).origin;
  return [
    "default-src 'self'",
    "script-src 'self'",
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self' ${issuer}`,
    `form-action 'self' ${issuer}`,
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "object-src 'none'",
  ].join('; ');
}

/** Paths the server answers itself; everything else that is not a file is a route of the app. */
const SERVER_PATHS = /^\/(api|health)(\/|$)|^\/config\.json$/;

/**
 * Serves the built single-page app: hashed assets cached for a year, other files as they are, and
 * index.html — with a fresh nonce and the policy above — for every deep link, so `/nominasi/…`
 * opened from a bookmark works. A missing file with an extension is a 404, not the app.
 */
export function webApp(staticDir: string, issuerUrl: string) {
  const indexFile = join(staticDir, 'index.html');
  if (!existsSync(indexFile))
    throw new ConsoleNotBuiltError(`The console is not built: ${indexFile} is missing; run npm run build:console (make start does)`);
  const index = readFileSync(indexFile, 'utf8');
  const assets = express.static(staticDir, {
    index: false,
    fallthrough: true,
    setHeaders: (res, path) =>
      res.setHeader('cache-control', /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache'),
  });
  const page = (_req: Request, res: Response) => {
    const nonce = randomBytes(16).toString('base64');
    res
      .status(200)
      .set({
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-store',
        'content-security-policy': contentSecurityPolicy(nonce, issuerUrl),
      })
      .send(index.replaceAll(NONCE_PLACEHOLDER, nonce));
  };
  return (req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || SERVER_PATHS.test(req.path)) return next();
    if (req.path === '/' || req.path === '/index.html') return page(req, res);
    assets(req, res, () => {
      if (/\.[a-z0-9]+$/i.test(req.path)) return res.status(404).type('text/plain').send('Not found');
      page(req, res);
    });
  };
}
