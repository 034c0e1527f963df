/** The audit trails of the services with one, read together. */
export const AUDITED_SERVICES = ['intake', 'scoring', 'ranking'] as const;
export type AuditedService = (typeof AUDITED_SERVICES)[number];

export interface AuditEntry {
  id: string;
  at: string;
  actor: string;
  actorRole: string;
  action: string;
  nominationId: string | null;
  province: string | null;
  details: Record<string, unknown>;
}

export type ServiceAuditEntry = AuditEntry & { service: AuditedService; key: string };

/** Every service's entries in one list, newest first (each service's ids only order its own entries, so time decides). */
export function mergeTrails(trails: Partial<Record<AuditedService, AuditEntry[]>>, limit: number): ServiceAuditEntry[] {
  return AUDITED_SERVICES.flatMap((service) => (trails[service] ?? []).map((e) => ({ ...e, service, key: `${service}:${e.id}` })))
    .sort((a, b) => Date.parse(b.at) - Date.parse(a.at) || b.key.localeCompare(a.key))
    .slice(0, limit);
}

/** The details of an entry in one line: `fields: indicators · version: 2`. */
export function describeDetails(details: Record<string, unknown>): string {
  return Object.entries(details)
    .map(([key, value]) => `${key}: ${Array.isArray(value) ? value.map(show).join(', ') : show(value)}`)
    .join(' · ');
}

const show = (value: unknown) => (typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value));
