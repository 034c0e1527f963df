import { developmentTokenFor, http, tokenFor } from '@paritrana/testing';
import { startIntake } from '../harness/platform-harness';

/**
 * Which tokens a service accepts, by its configuration: the suites' OpenID Connect issuer
 * (OIDC_ISSUER_URL, from the global setup) beside the development secret; the issuer only (production
 * without AUTH_JWT_SECRET); an issuer that cannot be reached.
 */
describe('sign-in: identity provider and development tokens (real Postgres and Kafka)', () => {
  const kanwil = { sub: 'kanwil-sumbagsel', role: 'regional-office', provinces: ['15', '16'] } as const;
  const nominations = (url: string, province: string) => `${url}/v1/nominations?province=${province}`;
  const answer = async (url: string, token: string) => {
    const { status, body } = await http<{ code?: string }>('GET', url, token);
    return { status, code: body?.code };
  };

  describe('with the issuer and the development secret (development, make start)', () => {
    let intake: { url: string; close(): Promise<void> };
    beforeAll(async () => {
      intake = await startIntake();
    });
    afterAll(() => intake?.close());

    it('should scope an access token of the issuer to its provinces: 200 in its own, 403 in another', async () => {
      expect((await answer(nominations(intake.url, '15'), tokenFor({ ...kanwil, provinces: [...kanwil.provinces] }))).status).toBe(200);
      expect(await answer(nominations(intake.url, '51'), tokenFor({ ...kanwil, provinces: [...kanwil.provinces] }))).toEqual({
        status: 403,
        code: 'PROVINCE_OUT_OF_SCOPE',
      });
    });

    it('should accept a development token (npm run -s token) beside the issuer’s', async () => {
      expect((await answer(nominations(intake.url, '15'), developmentTokenFor({ ...kanwil, provinces: ['15'] }))).status).toBe(200);
    });
  });

  describe('with the issuer only (production, no AUTH_JWT_SECRET)', () => {
    let intake: { url: string; close(): Promise<void> };
    beforeAll(async () => {
      intake = await startIntake({ NODE_ENV: 'production', AUTH_JWT_SECRET: '' });
    });
    afterAll(() => intake?.close());

    it('should accept the issuer’s access tokens and refuse development tokens with 401 AUTH_INVALID', async () => {
      expect((await answer(nominations(intake.url, '15'), tokenFor({ sub: 'sekretariat', role: 'secretariat' }))).status).toBe(200);
      expect(await answer(nominations(intake.url, '15'), developmentTokenFor({ sub: 'sekretariat', role: 'secretariat' }))).toEqual({
        status: 401,
        code: 'AUTH_INVALID',
      });
    });
  });

  describe('with an issuer that cannot be reached', () => {
    let intake: { url: string; close(): Promise<void> };
    beforeAll(async () => {
      intake = await startIntake({ OIDC_ISSUER_URL: 'http://127.0.0.1:1/realms/paritrana' });
    });
    afterAll(() => intake?.close());

    it('should answer 503 AUTH_PROVIDER_UNAVAILABLE to an access token, and still accept development tokens', async () => {
      expect(await answer(nominations(intake.url, '15'), tokenFor({ sub: 'sekretariat', role: 'secretariat' }))).toEqual({
        status: 503,
        code: 'AUTH_PROVIDER_UNAVAILABLE',
      });
      expect((await answer(nominations(intake.url, '15'), developmentTokenFor({ sub: 'sekretariat', role: 'secretariat' }))).status).toBe(
        200,
      );
    });
  });
});
