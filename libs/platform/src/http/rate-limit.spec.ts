import { signToken } from '../auth/jwt';
import { TokenVerifier } from '../auth/token-verifier';
import { clientOf } from './rate-limit';

describe('clientOf', () => {
  const secret = 'a-secret-of-this-platform';
  const sut = new TokenVerifier({ developmentSecret: secret });
  const token = (key: string) => signToken(key, { sub: 'kanwil-jambi', name: 'Kanwil Jambi', role: 'regional-office', provinces: ['15'] });

  it('should count a valid token holder by its subject, wherever it calls from', async () => {
    expect(await clientOf({ ip: '10.0.0.1', headers: { authorization: `Bearer ${token(secret)}` } }, sut)).toBe('principal:kanwil-jambi');
    expect(await clientOf({ ip: '10.0.0.2', headers: { authorization: `Bearer ${token(secret)}` } }, sut)).toBe('principal:kanwil-jambi');
  });

  it('should count a forged, malformed or missing token against the caller’s address', async () => {
    expect(await clientOf({ ip: '10.0.0.1', headers: { authorization: `Bearer ${token('another-secret-entirely')}` } }, sut)).toBe(
      'address:10.0.0.1',
    );
    expect(await clientOf({ ip: '10.0.0.1', headers: { authorization: 'Basic abc' } }, sut)).toBe('address:10.0.0.1');
    expect(await clientOf({ ip: '10.0.0.1', headers: {} }, sut)).toBe('address:10.0.0.1');
    expect(await clientOf({ ip: '10.0.0.1' }, sut)).toBe('address:10.0.0.1');
  });
});
