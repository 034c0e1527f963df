import { EventCatalog, EventTypes, type EventType } from '@paritrana/contracts';
import { repoRoot } from '@paritrana/infra/repo-root';
import { expect } from 'expect';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';

/**
 * The Kubernetes deployment in deploy/k8s as objects, and the invariants every rendering of it keeps: read by the
 * unit specs (the base as written, both overlays as rendered) and by `npm run check:k8s`.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Obj = Record<string, any>;

export const repo = repoRoot();
export const k8s = join(repo, 'deploy', 'k8s');
export const base = join(k8s, 'base');
export const OVERLAYS = ['local', 'production'];
export const SERVICES = ['nomination-intake', 'scoring', 'ranking', 'notification'];
export const APPS = [...SERVICES, 'console'];
/** libs/platform/src/database/data-source.ts: a service's pool, plus the outbox relay's one LISTEN connection. */
const CONNECTIONS_PER_POD = 10 + 1;

export const parseYaml = (text: string): Obj[] =>
  parseAllDocuments(text)
    .map((doc) => doc.toJS() as Obj | null)
    .filter((doc): doc is Obj => doc !== null);
export const loadYaml = (file: string): Obj[] => parseYaml(readFileSync(file, 'utf8'));

/** The objects a kustomization lists as resources (files, and folders that are kustomizations themselves). */
export function resourcesOf(dir: string): Obj[] {
  const [kustomization] = loadYaml(join(dir, 'kustomization.yaml'));
  return (kustomization.resources as string[]).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? resourcesOf(path) : loadYaml(path);
  });
}

export const byKind = (objects: Obj[], kind: string) => objects.filter((o) => o.kind === kind);
export const named = (objects: Obj[], kind: string, name: string) => objects.find((o) => o.kind === kind && o.metadata.name === name);
export const matches = (selector: Record<string, string>, labels: Record<string, string> = {}) =>
  Object.entries(selector).every(([key, value]) => labels[key] === value);
export const appDeployments = (objects: Obj[]) =>
  byKind(objects, 'Deployment').filter((d) => ['service', 'console'].includes(d.metadata.labels?.['app.kubernetes.io/component']));

/** The consumer groups the services' code joins: `paritrana-<service>` (ServiceModule) + `.<topic>` (KafkaConsumerHost). */
export function consumerGroupsInCode(): Record<string, string[]> {
  const groups: Record<string, string[]> = {};
  const sources = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return sources(path);
      return name.endsWith('.ts') && !name.endsWith('.spec.ts') ? [path] : [];
    });
  for (const app of readdirSync(join(repo, 'apps'))) {
    const files = sources(join(repo, 'apps', app, 'src')).map((file) => readFileSync(file, 'utf8'));
    const service = files.map((text) => /ServiceModule\.forRoot\(\{[^}]*?service:\s*'([^']+)'/s.exec(text)?.[1]).find(Boolean);
    if (!service) continue;
    const topics = new Set<string>();
    for (const text of files)
      for (const [, args] of text.matchAll(/@OnEvents?\(([^)]*)\)/g))
        for (const [, type] of args.matchAll(/EventTypes\.(\w+)/g))
          topics.add(EventCatalog[EventTypes[type as keyof typeof EventTypes] as EventType].topic);
    groups[service] = [...topics].map((topic) => `paritrana-${service}.${topic}`).sort();
  }
  return groups;
}

/** Connections the platform may open at once: every pod at its most (with one surge pod per Deployment), against max_connections. */
export function connectionBudget(objects: Obj[]) {
  const envOf = (name: string) =>
    Object.fromEntries(
      byKind(objects, 'ConfigMap')
        .filter((c) => c.metadata.name === name || c.metadata.name.startsWith(`${name}-`))
        .flatMap((c) => Object.entries(c.data ?? {})),
    );
  const literalsOf = (name: string): Record<string, string> => {
    const [kustomization] = loadYaml(join(base, 'kustomization.yaml'));
    const generator = (kustomization.configMapGenerator as Obj[]).find((g) => g.name === name)!;
    return Object.fromEntries((generator.literals as string[]).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
  };
  const keycloakEnv = { ...literalsOf('keycloak'), ...envOf('keycloak') };
  const services = byKind(objects, 'ScaledObject').reduce((sum, s) => sum + (s.spec.maxReplicaCount + 1) * CONNECTIONS_PER_POD, 0);
  const keycloak = (named(objects, 'Deployment', 'keycloak')!.spec.replicas + 1) * Number(keycloakEnv.KC_DB_POOL_MAX_SIZE);
  const poolers = byKind(objects, 'Pooler').reduce(
    (sum, p) => sum + p.spec.instances * Number(p.spec.pgbouncer.parameters.default_pool_size),
    0,
  );
  const reserved = 10; // superuser_reserved_connections and the operator's own
  const cluster = byKind(objects, 'Cluster')[0];
  return { needed: services + keycloak + poolers + reserved, max: Number(cluster.spec.postgresql.parameters.max_connections) };
}

const PROBES = ['startupProbe', 'readinessProbe', 'livenessProbe'];
const RESOURCES = ['requests.cpu', 'requests.memory', 'limits.cpu', 'limits.memory'];

/** What every Deployment lacks of its three probes, CPU and memory requests and limits, and a PodDisruptionBudget. */
export function deploymentProblems(objects: Obj[]): string[] {
  return byKind(objects, 'Deployment').flatMap((deployment) => {
    const name = `Deployment/${deployment.metadata.name}`;
    const podLabels = deployment.spec.template.metadata?.labels;
    const pdb = byKind(objects, 'PodDisruptionBudget').find(
      (p) =>
        p.metadata.namespace === deployment.metadata.namespace && p.spec.selector && matches(p.spec.selector.matchLabels ?? {}, podLabels),
    );
    return [
      ...(deployment.spec.template.spec.containers as Obj[]).flatMap((container) => [
        ...PROBES.filter((probe) => !container[probe]).map((probe) => `${name}: containers[${container.name}].${probe} missing`),
        ...RESOURCES.filter(
          (path) => path.split('.').reduce((value: Obj | undefined, key) => value?.[key], container.resources) === undefined,
        ).map((path) => `${name}: containers[${container.name}].resources.${path} missing`),
      ]),
      ...(pdb ? [] : [`${name}: no PodDisruptionBudget selects its pods`]),
      // A budget that lets no pod go blocks every node drain (kubectl drain waits for it for ever).
      ...(pdb && typeof pdb.spec.minAvailable === 'number' && pdb.spec.minAvailable >= (deployment.spec.replicas ?? 1)
        ? [
            `${name}: PodDisruptionBudget/${pdb.metadata.name} keeps ${pdb.spec.minAvailable} of ${deployment.spec.replicas ?? 1} replica(s): no pod could ever be evicted`,
          ]
        : []),
    ];
  });
}

/** The invariants of the services, the console and Keycloak in every rendering (the base, each overlay); a failure names the Deployment. */
export function expectDeployable(objects: Obj[]) {
  const deployments = appDeployments(objects);
  expect(deployments.map((d) => d.metadata.name).sort()).toEqual([...APPS].sort());
  for (const deployment of [...deployments, ...byKind(objects, 'Deployment').filter((d) => d.metadata.name === 'keycloak')]) {
    const name = deployment.metadata.name as string;
    const pod = deployment.spec.template.spec;
    const podLabels = deployment.spec.template.metadata.labels;
    const pdb = byKind(objects, 'PodDisruptionBudget').find((p) => matches(p.spec.selector.matchLabels, podLabels));
    expect({
      name,
      replicas: name === 'keycloak' || deployment.spec.replicas >= 2,
      runAsNonRoot: pod.securityContext?.runAsNonRoot,
      gracePeriodOver5s: pod.terminationGracePeriodSeconds > 5,
      topologySpread: (pod.topologySpreadConstraints?.length ?? 0) > 0,
      pdb: pdb !== undefined,
      service: byKind(objects, 'Service').some((s) => matches(s.spec.selector, podLabels)),
    }).toEqual({
      name,
      replicas: true,
      runAsNonRoot: true,
      gracePeriodOver5s: true,
      topologySpread: true,
      pdb: true,
      service: true,
    });
    for (const container of pod.containers as Obj[])
      expect({
        name,
        container: container.name,
        probesWithoutHttpGet: PROBES.filter((p) => !container[p]?.httpGet),
        preStop: container.lifecycle?.preStop !== undefined,
        allowPrivilegeEscalation: container.securityContext?.allowPrivilegeEscalation,
      }).toEqual({
        name,
        container: container.name,
        probesWithoutHttpGet: [],
        preStop: true,
        allowPrivilegeEscalation: false,
      });
  }
}
