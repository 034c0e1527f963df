import Ajv, { type AnySchema, type ErrorObject, type ValidateFunction } from 'ajv';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { k8s, loadYaml, type Obj, repo } from './manifests';

/**
 * Every rendered object against its schema, offline: the Kubernetes API (deploy/k8s/schemas/kubernetes/swagger.json)
 * for built-in kinds, the operators' CustomResourceDefinitions (the other folders there) for custom resources.
 * Unknown fields are refused wherever a schema lists its fields, as the API server's strict field validation does.
 */

const SCHEMAS = join(k8s, 'schemas');
const KUBERNETES = 'kubernetes';
const OBJECT_META = `${KUBERNETES}#/definitions/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta`;
/** Types the API reads from more than one JSON type, which its OpenAPI document names only by `format`. */
const LENIENT: Record<string, Obj> = {
  'io.k8s.apimachinery.pkg.util.intstr.IntOrString': { type: ['integer', 'string'] },
  'io.k8s.apimachinery.pkg.api.resource.Quantity': { type: ['string', 'number'] },
};

/** The schema with unknown fields refused wherever it lists its fields (unless it keeps unknown fields itself). */
export function closed(schema: Obj): Obj {
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

const gvk = (group: string, version: string, kind: string) => `${group}/${version}/${kind}`;

/** The object's `group/version/kind` (`apps/v1` → apps, v1; `v1` → the core group ''). */
function keyOf(object: Obj): string | undefined {
  const { apiVersion, kind } = object;
  if (typeof apiVersion !== 'string' || typeof kind !== 'string') return undefined;
  const slash = apiVersion.lastIndexOf('/');
  return slash < 0 ? gvk('', apiVersion, kind) : gvk(apiVersion.slice(0, slash), apiVersion.slice(slash + 1), kind);
}

/** `/spec/template/spec/containers/0` → `spec.template.spec.containers[0]`. */
function fieldPath(error: ErrorObject): string {
  const segments = error.instancePath
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (error.keyword === 'additionalProperties') segments.push(String(error.params.additionalProperty));
  return segments.reduce((path, s) => (/^\d+$/.test(s) ? `${path}[${s}]` : path ? `${path}.${s}` : s), '') || '(the object)';
}

function describeError(error: ErrorObject): string {
  if (error.keyword === 'additionalProperties') return `${fieldPath(error)}: unknown field`;
  const params = error.keyword === 'type' || error.keyword === 'required' ? '' : ` ${JSON.stringify(error.params)}`;
  return `${fieldPath(error)}: ${error.message}${params}`;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

export class SchemaValidator {
  // Without code optimisation: the operators' CRDs are large, and compiling them takes half the time.
  private readonly ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false, logger: false, code: { optimize: false } });
  /** group/version/kind → the name of its definition in the Kubernetes document. */
  private readonly builtIn = new Map<string, string>();
  /** group/version/kind → the CRD's schema of that served version. */
  private readonly custom = new Map<string, Obj>();
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor() {
    const swagger = JSON.parse(readFileSync(join(SCHEMAS, KUBERNETES, 'swagger.json'), 'utf8')) as Obj;
    const definitions = Object.fromEntries(
      Object.entries(swagger.definitions as Obj).map(([name, schema]) => [name, LENIENT[name] ?? closed(schema as Obj)]),
    );
    this.ajv.addSchema({ $id: KUBERNETES, definitions });
    for (const [name, schema] of Object.entries(swagger.definitions as Obj))
      for (const { group, version, kind } of (schema['x-kubernetes-group-version-kind'] as Obj[] | undefined) ?? [])
        this.builtIn.set(gvk(group, version, kind), name);

    const crds = filesUnder(SCHEMAS)
      .filter((file) => /\.ya?ml$/.test(file))
      .flatMap((file) => loadYaml(file))
      .filter((doc) => doc.kind === 'CustomResourceDefinition');
    for (const crd of crds)
      for (const version of crd.spec.versions as Obj[])
        if (version.served) this.custom.set(gvk(crd.spec.group, version.name, crd.spec.names.kind), version.schema.openAPIV3Schema);
  }

  /** The custom resource kinds the vendored CRDs serve, as `group/version/kind`. */
  get customKinds(): string[] {
    return [...this.custom.keys()].sort();
  }

  /** The object's `group/version/kind` when a vendored CRD serves it. */
  customKindOf(object: Obj): string | undefined {
    const key = keyOf(object);
    return key && this.custom.has(key) ? key : undefined;
  }

  /** What is wrong with each object, as `Kind/name: field: problem`; empty when every object is valid. */
  problems(objects: Obj[]): string[] {
    return objects.flatMap((object) => {
      const name = `${object.kind}/${object.metadata?.name}`;
      const validate = this.validatorOf(object);
      if (!validate)
        return [
          `${name}: no schema for ${object.apiVersion} ${object.kind} (neither the Kubernetes API nor a CRD in ${relative(repo, SCHEMAS)})`,
        ];
      if (validate(object)) return [];
      return [...new Set(validate.errors!.map((e) => `${name}: ${describeError(e)}`))];
    });
  }

  private validatorOf(object: Obj): ValidateFunction | undefined {
    const key = keyOf(object);
    if (!key) return undefined;
    const known = this.compiled.get(key);
    if (known) return known;
    const definition = this.builtIn.get(key);
    const crd = this.custom.get(key);
    let schema: Obj;
    if (definition) schema = { $ref: `${KUBERNETES}#/definitions/${definition}` };
    else if (crd) {
      // The API server checks a custom resource's metadata as any object's; status is the operator's to write.
      schema = closed(crd);
      schema.properties = { ...schema.properties, metadata: { $ref: OBJECT_META } };
      delete schema.properties.status;
    } else return undefined;
    const validate = this.ajv.compile(schema as AnySchema);
    this.compiled.set(key, validate);
    return validate;
  }
}
