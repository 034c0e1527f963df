import { DomainError } from '../errors/domain-error';
import { principalFromOidcClaims } from './oidc-claims';

/** Claims as Keycloak's paritrana realm puts them in an access token. */
const keycloak = (overrides: Record<string, unknown> = {}) => ({
  sub: '3f1c2a9e-7d4b-4c1e-9a55-0b8e2f6d1c33',
  typ: 'Bearer',
  azp: 'paritrana-console',
  preferred_username: 'kanwil-sumbagsel',
  name: 'Kanwil Sumbagsel',
  roles: ['regional-office', 'offline_access', 'uma_authorization', 'default-roles-paritrana'],
  provinces: ['15', '16'],
  ...overrides,
});

const refusal = (claims: Record<string, unknown>) => {
  try {
    principalFromOidcClaims(claims);
  } catch (error) {
    return { code: (error as DomainError).code, kind: (error as DomainError).kind };
  }
  throw new Error('expected a refusal');
};

describe('principalFromOidcClaims', () => {
  it('should map sub, name, our one role and the provinces when Keycloak adds its own roles beside ours', () => {
    const sut = principalFromOidcClaims(keycloak());

    expect(sut).toEqual({
      sub: '3f1c2a9e-7d4b-4c1e-9a55-0b8e2f6d1c33',
      name: 'Kanwil Sumbagsel',
      role: 'regional-office',
      provinces: ['15', '16'],
    });
  });

  it('should take preferred_username as the name when the token has no name', () => {
    expect(principalFromOidcClaims(keycloak({ name: undefined })).name).toBe('kanwil-sumbagsel');
  });

  it('should take the subject as the name when the token has neither name nor preferred_username', () => {
    expect(principalFromOidcClaims(keycloak({ name: '', preferred_username: undefined })).name).toBe(
      '3f1c2a9e-7d4b-4c1e-9a55-0b8e2f6d1c33',
    );
  });

  it('should leave provinces out when the token has none or an empty list (a national account)', () => {
    expect(principalFromOidcClaims(keycloak({ roles: ['secretariat'], provinces: undefined }))).not.toHaveProperty('provinces');
    expect(principalFromOidcClaims(keycloak({ roles: ['assessor'], provinces: [] }))).not.toHaveProperty('provinces');
  });

  it('should accept one province given as a string when the attribute is single-valued', () => {
    expect(principalFromOidcClaims(keycloak({ provinces: '15' })).provinces).toEqual(['15']);
  });

  it('should accept the role given as a string when the roles claim is single-valued', () => {
    expect(principalFromOidcClaims(keycloak({ roles: 'panel-chair' })).role).toBe('panel-chair');
  });

  it('should refuse with 403 ROLE_MISSING when the roles claim names none of ours', () => {
    expect(refusal(keycloak({ roles: ['offline_access', 'default-roles-paritrana'] }))).toEqual({
      code: 'ROLE_MISSING',
      kind: 'forbidden',
    });
    expect(refusal(keycloak({ roles: undefined }))).toEqual({ code: 'ROLE_MISSING', kind: 'forbidden' });
    expect(refusal(keycloak({ roles: ['Admin', 'superuser'] }))).toEqual({ code: 'ROLE_MISSING', kind: 'forbidden' });
  });

  it('should refuse with 403 ROLE_AMBIGUOUS when the roles claim names two of ours', () => {
    expect(refusal(keycloak({ roles: ['admin', 'secretariat', 'offline_access'] }))).toEqual({ code: 'ROLE_AMBIGUOUS', kind: 'forbidden' });
  });

  it('should count a role named twice once', () => {
    expect(principalFromOidcClaims(keycloak({ roles: ['assessor', 'assessor'] })).role).toBe('assessor');
  });

  it.each([[['15', '1']], [['Jambi']], [[15]], [['15.08']], [{ 0: '15' }], [15]])(
    'should refuse with 403 PROVINCES_INVALID when provinces is %p',
    (provinces) => {
      expect(refusal(keycloak({ provinces }))).toEqual({ code: 'PROVINCES_INVALID', kind: 'forbidden' });
    },
  );

  it('should refuse with 401 AUTH_INVALID when the token has no subject', () => {
    expect(refusal(keycloak({ sub: undefined }))).toEqual({ code: 'AUTH_INVALID', kind: 'unauthenticated' });
  });

  it('should refuse with 401 AUTH_INVALID when the token is not an access token (an ID or refresh token)', () => {
    expect(refusal(keycloak({ typ: 'ID' }))).toEqual({ code: 'AUTH_INVALID', kind: 'unauthenticated' });
  });
});
