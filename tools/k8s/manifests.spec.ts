import { ALL_TOPICS, deadLetterTopic, EventCatalog, EventTypes, type EventType } from '@paritrana/contracts';
import { MAX_MESSAGE_BYTES } from '@paritrana/messaging/kafka/topics';
import Ajv, { type AnySchema } from 'ajv';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { parseAllDocuments } from 'yaml';

/**
 * The Kubernetes deployment in deploy/k8s, checked offline: the kustomizations, the base's objects and their
 * invariants, and, where `kubectl` or `kustomize` is on the PATH, both overlays rendered. K8S_CRD_DIR, a folder of
 * the operators' CustomResourceDefinition files, also validates the custom resources against their schemas.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Obj = Record<string, any>;

const repo = join(__dirname, '..', '..');
const k8s = join(repo, 'deploy', 'k8s');
const base = join(k8s, 'base');
const overlays = ['local', 'production'];
const SERVICES = ['nomination-intake', 'scoring', 'ranking', 'notification'];
const APPS = [...SERVICES, 'console'];
const PORTS: Record<string, number> = { console: 3000, 'nomination-intake': 3001, scoring: 3002, ranking: 3003, notification: 3004 };
/** libs/platform/src/database/data-source.ts: a service's pool, plus the outbox relay's one LISTEN connection. */
const CONNECTIONS_PER_POD = 10 + 1;
const SECRET_NAMES = /SECRET|PASSWORD|TOKEN|DATABASE_URL|SMTP_URL|KC_DB_USERNAME/;

const parseYaml = (text: string): Obj[] =>
  parseAllDocuments(text)
    .map((doc) => doc.toJS() as Obj | null)
    .filter((doc): doc is Obj => doc !== null);
const loadYaml = (file: string): Obj[] => parseYaml(readFileSync(file, 'utf8'));

function kustomizationFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return kustomizationFiles(path);
    return name === 'kustomization.yaml' ? [path] : [];
  });
}

/** The objects a kustomization lists as resources (files, and folders that are kustomizations themselves). */
function resourcesOf(dir: string): Obj[] {
  const [kustomization] = loadYaml(join(dir, 'kustomization.yaml'));
  return (kustomization.resources as string[]).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? resourcesOf(path) : loadYaml(path);
  });
}

const baseObjects = resourcesOf(base);
const byKind = (objects: Obj[], kind: string) => objects.filter((o) => o.kind === kind);
const named = (objects: Obj[], kind: string, name: string) => objects.find((o) => o.kind === kind && o.metadata.name === name);
const matches = (selector: Record<string, string>, labels: Record<string, string> = {}) =>
  Object.entries(selector).every(([key, value]) => labels[key] === value);
const appDeployments = (objects: Obj[]) =>
  byKind(objects, 'Deployment').filter((d) => ['service', 'console'].includes(d.metadata.labels?.['app.kubernetes.io/component']));

/** The consumer groups the services' code joins: `paritrana-<service>` (ServiceModule) + `.<topic>` (KafkaConsumerHost). */
function consumerGroupsInCode(): Record<string, string[]> {
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
function connectionBudget(objects: Obj[]) {
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

function render(overlay: string): Obj[] | undefined {
  const dir = join(k8s, 'overlays', overlay);
  for (const [command, args] of [
    ['kustomize', ['build', dir]],
    ['kubectl', ['kustomize', dir]],
  ] as const) {
    try {
      return parseYaml(execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  return undefined;
}

/** The invariants every rendering must keep (the base, and each overlay once rendered). */
function expectDeployable(objects: Obj[]) {
  const deployments = appDeployments(objects);
  expect(deployments.map((d) => d.metadata.name).sort()).toEqual([...APPS].sort());
  for (const deployment of [...deployments, ...byKind(objects, 'Deployment').filter((d) => d.metadata.name === 'keycloak')]) {
    const name = deployment.metadata.name as string;
    const pod = deployment.spec.template.spec;
    const podLabels = deployment.spec.template.metadata.labels;
    if (name !== 'keycloak') expect({ name, replicas: deployment.spec.replicas >= 2 }).toEqual({ name, replicas: true });
    expect(pod.securityContext.runAsNonRoot).toBe(true);
    expect(pod.terminationGracePeriodSeconds).toBeGreaterThan(5);
    expect(pod.topologySpreadConstraints.length).toBeGreaterThan(0);
    for (const container of pod.containers) {
      expect({ name, probes: ['startupProbe', 'readinessProbe', 'livenessProbe'].filter((p) => !container[p]?.httpGet) }).toEqual({
        name,
        probes: [],
      });
      for (const kind of ['requests', 'limits'])
        expect({ name, kind, memory: !!container.resources?.[kind]?.memory }).toEqual({ name, kind, memory: true });
      expect(container.resources.requests.cpu).toBeDefined();
      expect(container.lifecycle?.preStop).toBeDefined();
      expect(container.securityContext.allowPrivilegeEscalation).toBe(false);
    }
    const pdb = byKind(objects, 'PodDisruptionBudget').find((p) => matches(p.spec.selector.matchLabels, podLabels));
    expect({ name, pdb: pdb?.spec.minAvailable }).toEqual({ name, pdb: 1 });
    expect({ name, service: byKind(objects, 'Service').some((s) => matches(s.spec.selector, podLabels)) }).toEqual({ name, service: true });
  }
}

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
    expect(overlays.every((o) => existsSync(join(k8s, 'overlays', o, 'kustomization.yaml')))).toBe(true);
  });

  it('should run every service and the console with probes on their health paths, resources, preStop, a PDB and a Service', () => {
    expectDeployable(baseObjects);
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

  it('should hold a KafkaTopic with 3 replicas and min.insync.replicas 2 for every contract topic and its dead letters', () => {
    const topics = byKind(baseObjects, 'KafkaTopic');

    expect(topics.map((t) => t.spec.topicName).sort()).toEqual(ALL_TOPICS.flatMap((t) => [t, deadLetterTopic(t)]).sort());
    for (const topic of topics) {
      expect([topic.spec.replicas, Number(topic.spec.config['min.insync.replicas'])]).toEqual([3, 2]);
      expect(Number(topic.spec.config['max.message.bytes'])).toBe(MAX_MESSAGE_BYTES);
      expect(topic.metadata.labels['strimzi.io/cluster']).toBe('paritrana');
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

  it("should scale each service on exactly its consumer groups' lag", () => {
    const inCode = consumerGroupsInCode();
    const kafka = named(baseObjects, 'Kafka', 'paritrana')!;

    expect(Object.keys(inCode).sort()).toEqual([...SERVICES].sort());
    for (const service of SERVICES) {
      const scaled = named(baseObjects, 'ScaledObject', service)!;
      const triggers = scaled.spec.triggers as Obj[];
      expect(scaled.spec.scaleTargetRef.name).toBe(service);
      expect(scaled.spec.minReplicaCount).toBeGreaterThanOrEqual(2);
      expect(triggers.map((t) => t.metadata.consumerGroup).sort()).toEqual(inCode[service]);
      for (const trigger of triggers) {
        expect(trigger.type).toBe('kafka');
        expect(trigger.metadata.consumerGroup).toBe(`paritrana-${service}.${trigger.metadata.topic}`);
        expect(trigger.metadata.bootstrapServers).toBe(`${kafka.metadata.name}-kafka-bootstrap.paritrana.svc:9092`);
      }
    }
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

  const rendered = Object.fromEntries(overlays.map((o) => [o, render(o)]));
  const describeRendered = rendered.production ? describe : describe.skip;

  describeRendered('rendered by kustomize', () => {
    it.each(overlays)('should keep every invariant when the %s overlay is rendered', (overlay) => {
      const objects = rendered[overlay]!;

      expectDeployable(objects);
      const budget = connectionBudget(objects);
      expect({ overlay, ...budget, fits: budget.needed <= budget.max }).toMatchObject({ overlay, fits: true });
      expect(objects.filter((o) => o.kind !== 'Namespace' && o.metadata.namespace !== 'paritrana')).toEqual([]);
      const ingress = named(objects, 'Ingress', 'paritrana')!;
      expect(ingress.spec.rules.every((r: Obj) => !r.host.endsWith('.invalid'))).toBe(true);
      const hostsInConfig = byKind(objects, 'ConfigMap').flatMap((c) => Object.values(c.data ?? {}) as string[]);
      expect(hostsInConfig.filter((value) => value.includes('example.invalid'))).toEqual([]);
    });

    it('should carry no Secret and a versioned image when the production overlay is rendered', () => {
      const objects = rendered.production!;
      const images = byKind(objects, 'Deployment').flatMap((d) => (d.spec.template.spec.containers as Obj[]).map((c) => c.image as string));

      expect(byKind(objects, 'Secret')).toEqual([]);
      expect(images.filter((image) => !/:[\w.-]+$/.test(image) || image.endsWith(':latest'))).toEqual([]);
      expect(named(objects, 'Ingress', 'paritrana')!.spec.tls[0].hosts.sort()).toEqual(
        named(objects, 'Ingress', 'paritrana')!
          .spec.rules.map((r: Obj) => r.host)
          .sort(),
      );
    });

    it('should generate only obviously-development secrets when the local overlay is rendered', () => {
      const secrets = byKind(rendered.local!, 'Secret');
      const passwords = secrets.flatMap((s) =>
        Object.entries(s.data ?? {})
          .filter(([key]) => /password|secret/i.test(key))
          .map(([, value]) => Buffer.from(value as string, 'base64').toString()),
      );

      expect(passwords.length).toBeGreaterThan(0);
      expect(passwords.filter((p) => !p.includes('development'))).toEqual([]);
    });
  });

  const crdDir = process.env.K8S_CRD_DIR;
  const describeCrds = crdDir && rendered.production ? describe : describe.skip;

  describeCrds('against the operators’ CustomResourceDefinitions in K8S_CRD_DIR', () => {
    /** The CRD's schema with unknown fields refused wherever it lists its fields. */
    const closed = (schema: Obj): Obj => {
      const copy: Obj = { ...schema };
      delete copy.description;
      if (copy.properties) {
        copy.properties = Object.fromEntries(Object.entries(copy.properties as Obj).map(([k, v]) => [k, closed(v as Obj)]));
        if (!copy['x-kubernetes-preserve-unknown-fields'] && copy.additionalProperties === undefined) copy.additionalProperties = false;
      }
      if (copy.items) copy.items = closed(copy.items);
      if (copy.additionalProperties && typeof copy.additionalProperties === 'object')
        copy.additionalProperties = closed(copy.additionalProperties);
      for (const key of Object.keys(copy)) if (key.startsWith('x-kubernetes')) delete copy[key];
      return copy;
    };
    const crds = crdDir
      ? readdirSync(crdDir)
          .filter((f) => /\.ya?ml$/.test(f))
          .flatMap((f) => loadYaml(join(crdDir, f)))
          .filter((d) => d.kind === 'CustomResourceDefinition')
      : [];
    const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false, logger: false });

    it.each(overlays)('should validate every custom resource of the %s overlay whose CRD is given', (overlay) => {
      const problems: string[] = [];
      let validated = 0;
      for (const object of rendered[overlay]!) {
        const [group, version] = (object.apiVersion as string).includes('/') ? object.apiVersion.split('/') : ['', object.apiVersion];
        const crd = crds.find((c) => c.spec.group === group && c.spec.names.kind === object.kind);
        const served = crd?.spec.versions.find((v: Obj) => v.name === version);
        if (!crd) continue;
        if (!served?.served) {
          problems.push(`${object.kind}/${object.metadata.name}: ${object.apiVersion} is not served`);
          continue;
        }
        const schema = closed(served.schema.openAPIV3Schema);
        schema.properties.metadata = { type: 'object' };
        delete schema.properties.status;
        const validate = ajv.compile(schema as AnySchema);
        validated += 1;
        if (!validate(object))
          problems.push(
            ...validate.errors!.map(
              (e) => `${object.kind}/${object.metadata.name}${e.instancePath}: ${e.message} ${JSON.stringify(e.params)}`,
            ),
          );
      }

      expect(problems).toEqual([]);
      expect(validated).toBeGreaterThan(0);
    });
  });
});
