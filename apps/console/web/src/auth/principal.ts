/** The five roles of the platform, as the identity provider puts them in the access token's `roles` claim. */
export const ROLES = ['admin', 'secretariat', 'regional-office', 'assessor', 'panel-chair'] as const;
export type Role = (typeof ROLES)[number];

/** Who is signed in, read from the access token the services will check (they decide; this only shapes the screens). */
export interface Principal {
  sub: string;
  name: string;
  username: string;
  role: Role;
  /** Two-digit province codes; empty for national roles. */
  provinces: string[];
}

function payloadOf(accessToken: string): Record<string, unknown> | undefined {
  const part = accessToken.split('.')[1];
  if (!part) return undefined;
  try {
    const base64 = part.replace(/-/g, '+').replace(/_/g, '/');
    const json = new TextDecoder().decode(Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)));
    return JSON.parse(json) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

/** The principal of an access token, or undefined when it carries none of the platform's roles. */
export function principalOf(accessToken: string): Principal | undefined {
  const claims = payloadOf(accessToken);
  if (!claims) return undefined;
  const granted = [...strings(claims.roles), ...(typeof claims.role === 'string' ? [claims.role] : [])];
  const role = ROLES.find((r) => granted.includes(r));
  if (!role) return undefined;
  const username = typeof claims.preferred_username === 'string' ? claims.preferred_username : String(claims.sub ?? '');
  return {
    sub: String(claims.sub ?? ''),
    name: typeof claims.name === 'string' && claims.name ? claims.name : username,
    username,
    role,
    provinces: strings(claims.provinces),
  };
}

/** Whether the role works province by province (its lists and actions are limited to `provinces`). */
export const isProvinceScoped = (principal: Principal) => principal.provinces.length > 0;
