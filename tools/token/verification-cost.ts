import { DEVELOPMENT_JWT_SECRET, signToken, TokenVerifier } from '@paritrana/platform';
import { oidcTokenFor, TEST_OIDC_ENV, TestOidcIssuer } from '@paritrana/testing';
import { performance } from 'node:perf_hooks';

/**
 * What verifying a bearer token costs per request, keys cached: an identity provider's RS256 access
 * token (Keycloak's shape) against the HS256 development token. A local issuer serves the keys.
 *   npm run -s build && node dist/tools/token/verification-cost.js [verifications, default 10000]
 */
async function main() {
  const rounds = Number(process.argv[2] ?? 10_000);
  const issuer = await TestOidcIssuer.start();
  process.env[TEST_OIDC_ENV] = JSON.stringify(issuer.key);
  const verifier = new TokenVerifier({
    developmentSecret: DEVELOPMENT_JWT_SECRET,
    oidc: { issuer: issuer.issuer, audience: 'paritrana-api' },
  });
  const principal = { sub: 'kanwil-sumbagsel', role: 'regional-office', provinces: ['15', '16'] } as const;
  const tokens = {
    'RS256 (identity provider, keys cached)': oidcTokenFor({ ...principal, provinces: [...principal.provinces] }),
    'HS256 (development secret)': signToken(DEVELOPMENT_JWT_SECRET, { ...principal, name: 'Kanwil', provinces: [...principal.provinces] }),
  };
  try {
    for (const [label, token] of Object.entries(tokens)) {
      for (let i = 0; i < 1_000; i++) await verifier.verify(token); // warm-up (and the one key fetch)
      const times: number[] = [];
      const started = performance.now();
      for (let i = 0; i < rounds; i++) {
        const t = performance.now();
        await verifier.verify(token);
        times.push(performance.now() - t);
      }
      const total = performance.now() - started;
      times.sort((a, b) => a - b);
      const us = (ms: number) => `${(ms * 1000).toFixed(1)} µs`;
      process.stdout.write(
        `${label}: ${rounds} verifications in ${total.toFixed(0)} ms: mean ${us(total / rounds)}, p50 ${us(times[Math.floor(rounds / 2)])}, p99 ${us(times[Math.floor(rounds * 0.99)])} (${Math.round((rounds / total) * 1000)}/s on one core)\n`,
      );
    }
  } finally {
    await issuer.stop();
  }
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
