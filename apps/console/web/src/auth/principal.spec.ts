import { principalOf } from './principal';

const token = (claims: Record<string, unknown>) =>
  ['header', Buffer.from(JSON.stringify(claims)).toString('base64url'), 'signature'].join('.');

describe('principalOf', () => {
  it("should read a Keycloak access token's role, provinces and names", () => {
    const principal = principalOf(
      token({
        sub: 'f1',
        name: 'Kanwil Sumbagsel',
        preferred_username: 'kanwil-sumbagsel',
        roles: ['default-roles-paritrana', 'offline_access', 'regional-office'],
        provinces: ['15', '16'],
      }),
    );

    expect(principal).toEqual({
      sub: 'f1',
      name: 'Kanwil Sumbagsel',
      username: 'kanwil-sumbagsel',
      role: 'regional-office',
      provinces: ['15', '16'],
    });
  });

  it('should accept the single `role` claim of development tokens and default the name to the user name', () => {
    expect(principalOf(token({ sub: 's', preferred_username: 'sekretariat', role: 'secretariat' }))).toMatchObject({
      name: 'sekretariat',
      role: 'secretariat',
      provinces: [],
    });
  });

  it('should give no principal for a token without a platform role, or for something that is not a token', () => {
    expect(principalOf(token({ sub: 'x', roles: ['offline_access'] }))).toBeUndefined();
    expect(principalOf('not-a-token')).toBeUndefined();
  });
});
