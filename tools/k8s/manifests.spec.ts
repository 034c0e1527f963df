import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import {
  appDeployments,
  base,
  byKind,
  connectionBudget,
  deploymentProblems,
  expectDeployable,
  k8s,
  loadYaml,
  matches,
  named,
  type Obj,
  OVERLAYS,
  repo,
  resourcesOf,
  SERVICES,
} from './manifests';

/**
 * The base of deploy/k8s as written: the kustomizations' files, the base's objects and what only the base shows.
 * checks.spec.ts renders both overlays and checks every object of each against its schema and the overlay checks.
 */

const PORTS: Record<string, number> = { console: 3000, 'nomination-intake': 3001, scoring: 3002, ranking: 3003, notification: 3004 };
const SECRET_NAMES = /SECRET|PASSWORD|TOKEN|DATABASE_URL|SMTP_URL|KC_DB_USERNAME/;

function kustomizationFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return kustomizationFiles(path);
    return name === 'kustomization.yaml' ? [path] : [];
  });
}

const baseObjects = resourcesOf(base);

describe('deploy/k8s', () => {
  it('should find every resource, patch and generated file when a kustomization names it', () => {
    const missing = kustomizationFiles(k8s).flatMap((file) => {
      const [kustomization] = loadYaml(file);
      const dir = dirname(file);
      const paths = [
        ...((kustomization.resources as string[]) ?? []),
        ...((kustomization.patches as Obj[]) ?? []).flatMap((p) => (p.path ? [p.path as string] : [])),
        ...[...((kustomization.configMapGenerator as Obj[]) ?? []), ...((kustomization.secretGenerator as Obj[]) ?? [])].flatMap(
          (g) => (g.files as string[]) ?? [],
        ),
      ];
      return paths.filter((path) => !existsSync(join(dir, path))).map((path) => `${relative(repo, file)}: ${path}`);
    });

    expect(missing).toEqual([]);
    expect(OVERLAYS.every((o) => existsSync(join(k8s, 'overlays', o, 'kustomization.yaml')))).toBe(true);
  });

  it('should run every service and the console with probes on their health paths, resources, preStop, a PDB and a Service', () => {
    expectDeployable(baseObjects);
    expect(deploymentProblems(baseObjects)).toEqual([]);
    for (const deployment of appDeployments(baseObjects)) {
      const name = deployment.metadata.name as string;
      const [container] = deployment.spec.template.spec.containers;
      expect(container.ports).toEqual([{ name: 'http', containerPort: PORTS[name] }]);
      expect(
        [container.startupProbe, container.readinessProbe, container.livenessProbe].map((p) => [p.httpGet.path, p.httpGet.port]),
      ).toEqual([
        ['/health/live', 'http'],
        ['/health/ready', 'http'],
        ['/health/live', 'http'],
      ]);
      expect(container.env).toContainEqual({ name: 'SERVICE', value: name });
      expect(container.securityContext.readOnlyRootFilesystem).toBe(true);
      // The image bounds the heap at 256 MB (deploy/docker/Dockerfile); the limit leaves room for the rest.
      expect(parseInt(container.resources.limits.memory, 10)).toBeGreaterThanOrEqual(384);
      expect(named(baseObjects, 'Service', name)?.spec.ports).toEqual([{ name: 'http', port: PORTS[name], targetPort: 'http' }]);
    }
    expect(readFileSync(join(repo, 'deploy', 'docker', 'Dockerfile'), 'utf8')).toContain('--max-old-space-size=256');
  });

  it('should scrape /metrics of each service when Prometheus finds its ServiceMonitor', () => {
    for (const service of SERVICES) {
      const monitor = named(baseObjects, 'ServiceMonitor', service);

      expect(monitor?.spec.endpoints).toEqual([{ port: 'http', path: '/metrics', interval: '30s' }]);
      expect(matches(monitor!.spec.selector.matchLabels, named(baseObjects, 'Service', service)!.metadata.labels)).toBe(true);
    }
  });

  it('should run three KRaft nodes of the Kafka version the jars use when Strimzi builds the cluster', () => {
    const kafka = named(baseObjects, 'Kafka', 'paritrana')!;
    const pools = byKind(baseObjects, 'KafkaNodePool');
    const jars = /<kafka\.version>([^<]+)<\/kafka\.version>/.exec(readFileSync(join(repo, 'deploy', 'kafka', 'pom.xml'), 'utf8'))![1];

    expect(kafka.spec.kafka.version).toBe(jars);
    expect(pools.filter((p) => p.spec.roles.includes('broker')).reduce((n, p) => n + p.spec.replicas, 0)).toBe(3);
    expect(pools.filter((p) => p.spec.roles.includes('controller')).reduce((n, p) => n + p.spec.replicas, 0)).toBe(3);
    expect(kafka.spec.kafka.config['min.insync.replicas']).toBe(2);
    expect(kafka.spec.kafka.config['auto.create.topics.enable']).toBe(false);
  });

  it('should reference every secret and never inline one when the base is read', () => {
    expect(byKind(baseObjects, 'Secret')).toEqual([]);
    const [kustomization] = loadYaml(join(base, 'kustomization.yaml'));
    const literals = (kustomization.configMapGenerator as Obj[]).flatMap((g) => (g.literals as string[]) ?? []);
    expect(literals.filter((l) => SECRET_NAMES.test(l.split('=')[0]))).toEqual([]);
    const inlined = byKind(baseObjects, 'Deployment').flatMap((d) =>
      (d.spec.template.spec.containers as Obj[]).flatMap((c) =>
        ((c.env as Obj[]) ?? [])
          .filter((e) => SECRET_NAMES.test(e.name) && !e.valueFrom?.secretKeyRef)
          .map((e) => `${d.metadata.name}: ${e.name}`),
      ),
    );
    expect(inlined).toEqual([]);
  });

  it('should connect the services to the primary directly and keep the connections within max_connections', () => {
    const cluster = byKind(baseObjects, 'Cluster')[0];
    const databaseUrls = SERVICES.map(
      (s) =>
        named(baseObjects, 'Deployment', s)!.spec.template.spec.containers[0].env.find((e: Obj) => e.name === 'DATABASE_URL').valueFrom
          .secretKeyRef,
    );

    expect(cluster.spec.instances).toBe(3);
    expect(cluster.spec.postgresql.synchronous.number).toBeGreaterThanOrEqual(1);
    // The app Secret's uri names the -rw Service: the outbox relay's LISTEN needs a session of its own, no pooler.
    expect(new Set(databaseUrls.map((r) => `${r.name}/${r.key}`))).toEqual(new Set([`${cluster.metadata.name}-app/uri`]));
    const budget = connectionBudget(baseObjects);
    expect(budget.needed).toBeLessThanOrEqual(budget.max);
  });

  it("should import deploy/keycloak's production realm with only the console's address made configurable", () => {
    const original = JSON.parse(readFileSync(join(repo, 'deploy', 'keycloak', 'realm-paritrana.json'), 'utf8'));
    const imported = JSON.parse(readFileSync(join(base, 'keycloak', 'realm-paritrana.json'), 'utf8'));
    const consoleClient = (realm: Obj) => realm.clients.find((c: Obj) => c.clientId === 'paritrana-console');

    expect(consoleClient(imported).redirectUris).toEqual(['${PARITRANA_CONSOLE_URL}/*']);
    for (const realm of [original, imported]) {
      delete consoleClient(realm).redirectUris;
      delete consoleClient(realm).webOrigins;
      delete consoleClient(realm).attributes['post.logout.redirect.uris'];
    }
    expect(imported).toEqual(original);
  });
});
