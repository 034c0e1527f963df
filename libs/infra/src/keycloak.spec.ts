import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEV_REALM_FILE, keycloakEnv, keycloakIssuer } from './keycloak';
import { repoRoot } from './repo-root';

interface Mapper {
  protocolMapper: string;
  config: Record<string, string>;
}
interface Client {
  clientId: string;
  publicClient: boolean;
  standardFlowEnabled: boolean;
  directAccessGrantsEnabled: boolean;
  serviceAccountsEnabled: boolean;
  fullScopeAllowed: boolean;
  secret?: string;
  attributes: Record<string, string>;
  protocolMappers: Mapper[];
}
interface User {
  username: string;
  realmRoles: string[];
  attributes?: { provinces?: string[] };
  serviceAccountClientId?: string;
}
interface Realm {
  realm: string;
  accessTokenLifespan: number;
  defaultLocale: string;
  roles: { realm: { name: string }[] };
  clients: Client[];
  users: User[];
  scopeMappings: { client: string; roles: string[] }[];
  components: Record<string, { config: Record<string, string[]> }[]>;
}

const OUR_ROLES = ['admin', 'secretariat', 'regional-office', 'assessor', 'panel-chair'];
const readRealm = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Realm;
const DEV = readRealm(DEV_REALM_FILE);
const PRODUCTION = readRealm(join(repoRoot(), 'deploy', 'keycloak', 'realm-paritrana.json'));
const client = (realm: Realm, clientId: string) => realm.clients.find((c) => c.clientId === clientId)!;

describe('keycloakEnv', () => {
  it('should fix the issuer to 127.0.0.1 and the port when a data dir is given', () => {
    const sut = keycloakEnv({ port: 18080, dataDir: '/tmp/kc' });

    expect(sut).toEqual({ KEYCLOAK_PORT: '18080', KEYCLOAK_DATA_DIR: '/tmp/kc', KEYCLOAK_HOSTNAME: 'http://127.0.0.1:18080' });
    expect(keycloakIssuer(18080)).toBe('http://127.0.0.1:18080/realms/paritrana');
  });

  it('should pass the realm file when one is given', () => {
    expect(keycloakEnv({ port: 8080, dataDir: '/d', realmFile: '/r.json' }).KEYCLOAK_REALM_FILE).toBe('/r.json');
  });
});

describe.each([
  ['development', DEV],
  ['production', PRODUCTION],
])('the %s realm', (_name, sut) => {
  it('should declare the five roles and 15-minute tokens in Indonesian when imported', () => {
    expect(sut.realm).toBe('paritrana');
    expect(sut.roles.realm.map((r) => r.name).sort()).toEqual([...OUR_ROLES].sort());
    expect(sut.accessTokenLifespan).toBe(900);
    expect(sut.defaultLocale).toBe('id');
  });

  it('should give every client the audience, roles, provinces and name when it issues a token', () => {
    for (const c of sut.clients) {
      const mappers = Object.fromEntries(c.protocolMappers.map((m) => [m.protocolMapper, m.config]));
      expect(mappers['oidc-audience-mapper']['included.custom.audience']).toBe('paritrana-api');
      expect(mappers['oidc-usermodel-realm-role-mapper']).toMatchObject({ 'claim.name': 'roles', multivalued: 'true' });
      expect(mappers['oidc-usermodel-attribute-mapper']).toMatchObject({ 'claim.name': 'provinces', multivalued: 'true' });
      expect(mappers['oidc-full-name-mapper']['access.token.claim']).toBe('true');
      // only our five roles reach the `roles` claim
      expect(c.fullScopeAllowed).toBe(false);
      expect(sut.scopeMappings.find((m) => m.client === c.clientId)?.roles.sort()).toEqual([...OUR_ROLES].sort());
    }
  });

  it('should let the console use only the code flow with PKCE S256 when a browser signs in', () => {
    const consoleClient = client(sut, 'paritrana-console');

    expect(consoleClient).toMatchObject({ publicClient: true, standardFlowEnabled: true, directAccessGrantsEnabled: false });
    expect(consoleClient.attributes['pkce.code.challenge.method']).toBe('S256');
  });

  it('should give the command line the device grant and the secretariat account client credentials', () => {
    expect(client(sut, 'paritrana-cli').attributes['oauth2.device.authorization.grant.enabled']).toBe('true');
    expect(client(sut, 'paritrana-secretariat')).toMatchObject({ publicClient: false, serviceAccountsEnabled: true });
    expect(sut.users.find((u) => u.serviceAccountClientId === 'paritrana-secretariat')?.realmRoles).toEqual(['secretariat']);
  });

  it('should validate provinces as two-digit codes only admins change when a user profile is edited', () => {
    const profile = JSON.parse(sut.components['org.keycloak.userprofile.UserProfileProvider'][0].config['kc.user.profile.config'][0]) as {
      attributes: { name: string; multivalued?: boolean; permissions: { edit: string[] }; validations: { pattern: { pattern: string } } }[];
    };
    const provinces = profile.attributes.find((a) => a.name === 'provinces')!;

    expect(provinces.multivalued).toBe(true);
    expect(provinces.permissions.edit).toEqual(['admin']);
    expect(new RegExp(provinces.validations.pattern.pattern).test('15')).toBe(true);
    expect(new RegExp(provinces.validations.pattern.pattern).test('1')).toBe(false);
  });
});

describe('the realms side by side', () => {
  it('should keep demo accounts, the password grant and a fixed secret out of production when compared', () => {
    expect(PRODUCTION.users.map((u) => u.username)).toEqual(['service-account-paritrana-secretariat']);
    expect(client(PRODUCTION, 'paritrana-cli').directAccessGrantsEnabled).toBe(false);
    expect(client(PRODUCTION, 'paritrana-secretariat').secret).toBeUndefined();
    expect(client(DEV, 'paritrana-cli').directAccessGrantsEnabled).toBe(true);
  });

  it('should hold the eight demo accounts with one role each when developing', () => {
    const sut = Object.fromEntries(
      DEV.users.filter((u) => !u.serviceAccountClientId).map((u) => [u.username, [u.realmRoles, u.attributes?.provinces ?? []]]),
    );

    expect(sut).toEqual({
      admin: [['admin'], []],
      sekretariat: [['secretariat'], []],
      'kanwil-sumbagsel': [['regional-office'], ['15', '16']],
      'kanwil-banuspa': [['regional-office'], ['51', '52', '53']],
      'penilai-jambi': [['assessor'], ['15']],
      'penilai-nasional': [['assessor'], []],
      'ketua-jambi': [['panel-chair'], ['15']],
      'ketua-nasional': [['panel-chair'], []],
    });
  });
});
