import { signToken } from '../auth/jwt';
import { clientOf } from './rate-limit';

describe('clientOf', () => {
  const secret = 'a-secret-of-this-platform';
  const token = (key: string) => signToken(key, { sub: 'kanwil-jambi', name: 'Kanwil Jambi', role: 'regional-office', provinces: ['15'] });

  it('should count a valid token holder by its subject, wherever it calls from', () => {
    expect(clientOf({ ip: '10.0.0.1', headers: { authorization: `Bearer ${token(secret)}` } }, secret)).toBe('principal:kanwil-jambi');
    expect(clientOf({ ip: '10.0.0.2', headers: { authorization: `Bearer ${token(secret)}` } }, secret)).toBe('principal:kanwil-jambi');
  });

  it('should count a forged, malformed or missing token against the caller’s address', () => {
    expect(clientOf({ ip: '10.0.0.1', headers: { authorization: `Bearer ${token('another-secret-entirely')}` } }, secret)).toBe(
      'address:10.0.0.1',
    );
    expect(clientOf({ ip: '10.0.0.1', headers: { authorization: 'Basic abc' } }, secret)).toBe('address:10.0.0.1');
    expect(clientOf({ ip: '10.0.0.1', headers: {} }, secret)).toBe('address:10.0.0.1');
    expect(clientOf({ ip: '10.0.0.1' }, secret)).toBe('address:10.0.0.1');
  });
});
