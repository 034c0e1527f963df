/** What the console server tells the app at start (GET /config.json). */
export interface RuntimeConfig {
  oidc: { authority: string; clientId: string };
}

export async function loadRuntimeConfig(): Promise<RuntimeConfig> {
  const response = await fetch('/config.json', { cache: 'no-store' });
  if (!response.ok) throw new Error(`/config.json answered ${response.status}`);
  return (await response.json()) as RuntimeConfig;
}
