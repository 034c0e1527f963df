import jwt from 'jsonwebtoken';
import { signToken, verifyToken } from './jwt';

const SECRET = 'unit-test-secret-of-some-length';

/** Signs claims as signToken would, but without its checks, to forge tokens the verifier must refuse. */
const forge = (claims: Record<string, unknown>, secret = SECRET) =>
  jwt.sign(claims, secret, { algorithm: 'HS256', expiresIn: 60, issuer: 'paritrana' });

describe('jwt', () => {
  describe('signToken and verifyToken', () => {
    it('should return the principal when a signed token is verified with the same secret', () => {
      const token = signToken(SECRET, { sub: 'u-jambi', name: 'Kanwil Jambi', role: 'regional-office', provinces: ['15'] });

      const sut = verifyToken(SECRET, token);

      expect(sut).toEqual({ sub: 'u-jambi', name: 'Kanwil Jambi', role: 'regional-office', provinces: ['15'] });
    });

    it('should leave provinces out when the token has none', () => {
      const sut = verifyToken(SECRET, signToken(SECRET, { sub: 'admin-1', name: 'Admin', role: 'admin' }));

      expect(sut).toEqual({ sub: 'admin-1', name: 'Admin', role: 'admin' });
    });

    it('should sign with HS256, issuer paritrana and a 12 hour lifetime when no lifetime is given', () => {
      const token = signToken(SECRET, { sub: 'a', name: 'A', role: 'assessor' });

      const sut = jwt.decode(token, { complete: true }) as jwt.Jwt & { payload: jwt.JwtPayload };

      expect([sut.header.alg, sut.payload.iss, (sut.payload.exp as number) - (sut.payload.iat as number)]).toEqual([
        'HS256',
        'paritrana',
        12 * 3600,
      ]);
    });

    it('should not put expiresInSeconds among the claims when it is given', () => {
      const token = signToken(SECRET, { sub: 'a', name: 'A', role: 'assessor', expiresInSeconds: 60 });

      expect(jwt.decode(token)).not.toHaveProperty('expiresInSeconds');
    });

    it('should use the subject as the name when the token has no name', () => {
      const sut = verifyToken(SECRET, forge({ sub: 'panel-7', role: 'panel-chair' }));

      expect(sut).toEqual({ sub: 'panel-7', name: 'panel-7', role: 'panel-chair' });
    });
  });

  describe('verifyToken refusals', () => {
    it('should return undefined when the token was signed with another secret', () => {
      const token = signToken('another-secret-entirely', { sub: 'a', name: 'A', role: 'admin' });

      expect(verifyToken(SECRET, token)).toBeUndefined();
    });

    it('should return undefined when the token has expired', () => {
      const token = jwt.sign({ sub: 'a', name: 'A', role: 'admin', exp: Math.floor(Date.now() / 1000) - 10 }, SECRET, {
        algorithm: 'HS256',
        issuer: 'paritrana',
      });

      expect(verifyToken(SECRET, token)).toBeUndefined();
    });

    it('should return undefined when the role is not a platform role', () => {
      expect(verifyToken(SECRET, forge({ sub: 'a', name: 'A', role: 'superuser' }))).toBeUndefined();
    });

    it('should return undefined when the token has no role', () => {
      expect(verifyToken(SECRET, forge({ sub: 'a', name: 'A' }))).toBeUndefined();
    });

    it('should return undefined when the token has no subject', () => {
      expect(verifyToken(SECRET, forge({ name: 'A', role: 'admin' }))).toBeUndefined();
    });

    it.each([[['15', '1']], [['Jambi']], [[15]], ['15'], [['15.08']]])(
      'should return undefined when provinces is malformed as %p',
      (provinces) => {
        expect(verifyToken(SECRET, forge({ sub: 'a', name: 'A', role: 'regional-office', provinces }))).toBeUndefined();
      },
    );

    it('should return undefined when the issuer is not paritrana', () => {
      const token = jwt.sign({ sub: 'a', name: 'A', role: 'admin' }, SECRET, { algorithm: 'HS256', expiresIn: 60, issuer: 'elsewhere' });

      expect(verifyToken(SECRET, token)).toBeUndefined();
    });

    it('should return undefined when the token is unsigned', () => {
      const token = jwt.sign({ sub: 'a', name: 'A', role: 'admin', iss: 'paritrana' }, '', { algorithm: 'none' });

      expect(verifyToken(SECRET, token)).toBeUndefined();
    });

    it('should return undefined when the token is not a JWT', () => {
      expect(verifyToken(SECRET, 'not.a.jwt')).toBeUndefined();
    });
  });
});
