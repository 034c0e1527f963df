/** Keycloak's admin API as the master realm's administrator of a test Keycloak (admin / admin). */
export async function keycloakAdminHeaders(url: string): Promise<Record<string, string>> {
  const login = await fetch(`${url}/realms/master/protocol/openid-connect/token`, {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'password', client_id: 'admin-cli', username: 'admin', password: 'admin' }),
  });
  if (!login.ok) throw new Error(`Keycloak admin sign-in answered ${login.status}`);
  const { access_token: token } = (await login.json()) as { access_token: string };
  return { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
}

/**
 * Lets the console client of the development realm sign in from `origin` (a test's console on a free
 * port): its redirect URIs, web origins and post-logout redirects gain that origin.
 */
export async function allowConsoleOrigin(url: string, origin: string, clientId = 'paritrana-console'): Promise<void> {
  const headers = await keycloakAdminHeaders(url);
  const clients = `${url}/admin/realms/paritrana/clients`;
  const [client] = (await (await fetch(`${clients}?clientId=${clientId}`, { headers })).json()) as Array<{
    id: string;
    redirectUris: string[];
    webOrigins: string[];
    attributes?: Record<string, string>;
  }>;
  const attributes = client.attributes ?? {};
  const logout = attributes['post.logout.redirect.uris'];
  const response = await fetch(`${clients}/${client.id}`, {
    method: 'PUT',
    headers,
    body: JSON.stringify({
      ...client,
      redirectUris: [...client.redirectUris, `${origin}/*`],
      webOrigins: [...client.webOrigins, origin],
      attributes: { ...attributes, 'post.logout.redirect.uris': [logout, `${origin}/*`].filter(Boolean).join('##') },
    }),
  });
  if (response.status !== 204)
    throw new Error(`Keycloak refused the console origin ${origin}: ${response.status} ${await response.text()}`);
}
