import Ajv, { type AnySchema } from 'ajv';
import { expect } from 'expect';
import { execFileSync } from 'node:child_process';
import { accessSync, constants, readdirSync, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { byKind, connectionBudget, expectDeployable, k8s, loadYaml, named, type Obj, OVERLAYS, parseYaml } from './manifests';

/**
 * `npm run check:k8s`: renders both overlays of deploy/k8s with `kustomize build` (or `kubectl kustomize`) and checks
 * what each rendering must keep; with K8S_CRD_DIR, a folder of the operators' CustomResourceDefinition files, it also
 * validates every custom resource against its schema with unknown fields refused. Prints each check and its outcome;
 * exits 1 when any fails.
 */

const RENDERERS = [
  ['kustomize', ['build']],
  ['kubectl', ['kustomize']],
] as const;

let failures = 0;

function check(name: string, run: () => string | void) {
  try {
    const detail = run();
    process.stdout.write(`PASS  ${name}${detail ? ` (${detail})` : ''}\n`);
  } catch (error) {
    failures += 1;
    const message = error instanceof Error ? error.message : String(error);
    process.stdout.write(`FAIL  ${name}\n${message.replace(/^/gm, '      ')}\n`);
  }
}

/** The first of `kustomize` and `kubectl` found on the PATH, or undefined. */
function renderer(): (typeof RENDERERS)[number] | undefined {
  const dirs = (process.env.PATH ?? '').split(delimiter).filter(Boolean);
  return RENDERERS.find(([command]) =>
    dirs.some((dir) => {
      try {
        accessSync(join(dir, command), constants.X_OK);
        return statSync(join(dir, command)).isFile();
      } catch {
        return false;
      }
    }),
  );
}

/** The CRD's schema with unknown fields refused wherever it lists its fields. */
function closed(schema: Obj): Obj {
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
}

/** Every custom resource of `objects` whose CRD is among `crds`, validated; the problems found and the kinds with no CRD. */
function validateCustomResources(objects: Obj[], crds: Obj[]) {
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false, logger: false });
  const problems: string[] = [];
  const withoutCrd = new Set<string>();
  let validated = 0;
  for (const object of objects) {
    const [group, version] = (object.apiVersion as string).includes('/') ? object.apiVersion.split('/') : ['', object.apiVersion];
    if (!group.includes('.') || group.endsWith('.k8s.io')) continue; // a Kubernetes API group, not a custom resource
    const crd = crds.find((c) => c.spec.group === group && c.spec.names.kind === object.kind);
    if (!crd) {
      withoutCrd.add(object.kind);
      continue;
    }
    const served = crd.spec.versions.find((v: Obj) => v.name === version);
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
        ...validate.errors!.map((e) => `${object.kind}/${object.metadata.name}${e.instancePath}: ${e.message} ${JSON.stringify(e.params)}`),
      );
  }
  return { problems, validated, withoutCrd: [...withoutCrd].sort() };
}

const found = renderer();
if (!found) {
  process.stderr.write(
    'Neither `kustomize` nor `kubectl` is on the PATH: install kustomize (https://kubectl.docs.kubernetes.io/installation/kustomize/)\n' +
      'or kubectl (https://kubernetes.io/docs/tasks/tools/) to render the overlays of deploy/k8s.\n',
  );
  process.exit(1);
}
const [command, args] = found;
const rendered: Record<string, Obj[]> = {};
const renderedOverlay = (overlay: string) => {
  if (!rendered[overlay]) throw new Error(`the ${overlay} overlay did not render`);
  return rendered[overlay];
};

for (const overlay of OVERLAYS)
  check(`${overlay} overlay renders with \`${command} ${args.join(' ')}\``, () => {
    const dir = join(k8s, 'overlays', overlay);
    rendered[overlay] = parseYaml(execFileSync(command, [...args, dir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }));
    return `${rendered[overlay].length} objects`;
  });

for (const overlay of OVERLAYS)
  check(
    `${overlay}: every Deployment deployable, connections within max_connections, all in namespace paritrana, no placeholder host`,
    () => {
      const objects = renderedOverlay(overlay);
      expectDeployable(objects);
      const budget = connectionBudget(objects);
      expect(budget.needed).toBeLessThanOrEqual(budget.max);
      expect(
        objects.filter((o) => o.kind !== 'Namespace' && o.metadata.namespace !== 'paritrana').map((o) => `${o.kind}/${o.metadata.name}`),
      ).toEqual([]);
      const ingress = named(objects, 'Ingress', 'paritrana')!;
      expect(ingress.spec.rules.map((r: Obj) => r.host as string).filter((host: string) => host.endsWith('.invalid'))).toEqual([]);
      const hostsInConfig = byKind(objects, 'ConfigMap').flatMap((c) => Object.values(c.data ?? {}) as string[]);
      expect(hostsInConfig.filter((value) => value.includes('example.invalid'))).toEqual([]);
      return `${budget.needed} of ${budget.max} connections`;
    },
  );

check('production: no Secret, versioned images, TLS for every Ingress host', () => {
  const objects = renderedOverlay('production');
  const images = byKind(objects, 'Deployment').flatMap((d) => (d.spec.template.spec.containers as Obj[]).map((c) => c.image as string));
  const ingress = named(objects, 'Ingress', 'paritrana')!;

  expect(byKind(objects, 'Secret').map((s) => s.metadata.name)).toEqual([]);
  expect(images.filter((image) => !/:[\w.-]+$/.test(image) || image.endsWith(':latest'))).toEqual([]);
  expect([...ingress.spec.tls[0].hosts].sort()).toEqual(ingress.spec.rules.map((r: Obj) => r.host).sort());
});

check('local: only obviously-development passwords in its generated Secrets', () => {
  const passwords = byKind(renderedOverlay('local'), 'Secret').flatMap((s) =>
    Object.entries(s.data ?? {})
      .filter(([key]) => /password|secret/i.test(key))
      .map(([, value]) => Buffer.from(value as string, 'base64').toString()),
  );

  expect(passwords.length).toBeGreaterThan(0);
  expect(passwords.filter((p) => !p.includes('development'))).toEqual([]);
  return `${passwords.length} passwords`;
});

const crdDir = process.env.K8S_CRD_DIR;
if (!crdDir)
  process.stdout.write(
    'NOTE  K8S_CRD_DIR is not set: custom resources not validated (set it to a folder of the operators’ CustomResourceDefinition files)\n',
  );
else {
  const crds = readdirSync(crdDir)
    .filter((f) => /\.ya?ml$/.test(f))
    .flatMap((f) => loadYaml(join(crdDir, f)))
    .filter((d) => d.kind === 'CustomResourceDefinition');
  for (const overlay of OVERLAYS)
    check(`${overlay}: custom resources valid against the CustomResourceDefinitions in ${crdDir}`, () => {
      const { problems, validated, withoutCrd } = validateCustomResources(renderedOverlay(overlay), crds);
      expect(problems).toEqual([]);
      if (validated === 0) throw new Error(`no custom resource has its CustomResourceDefinition among the ${crds.length} in ${crdDir}`);
      return `${validated} validated${withoutCrd.length ? `; no CRD given for ${withoutCrd.join(', ')}` : ''}`;
    });
}

process.stdout.write(failures ? `${failures} check(s) failed\n` : 'All checks passed\n');
process.exitCode = failures ? 1 : 0;
