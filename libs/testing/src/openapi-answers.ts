import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

interface MediaType {
  schema?: unknown;
}
interface OpenApiDocument {
  paths: Record<string, Record<string, { responses?: Record<string, { content?: Record<string, MediaType> }> }>>;
  components?: { schemas?: Record<string, unknown> };
}

/** OpenAPI 3.0's `nullable` in JSON Schema terms, everywhere in a schema. */
function withNulls(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(withNulls);
  if (schema === null || typeof schema !== 'object') return schema;
  const { nullable, ...rest } = schema as Record<string, unknown>;
  const converted = Object.fromEntries(
    Object.entries(rest).map(([key, value]) => [key, key === 'example' || key === 'examples' ? value : withNulls(value)]),
  );
  return nullable === true ? { anyOf: [{ type: 'null' }, converted] } : converted;
}

/**
 * Checks HTTP answers against what a service's OpenAPI document declares: the status is declared
 * for the operation, and a JSON body matches the schema declared for that status (a CSV one is CSV).
 */
export class OpenApiAnswers {
  private readonly ajv = new Ajv({ allErrors: true, strict: false });
  private readonly validators = new Map<string, ValidateFunction>();
  private readonly routes: Array<{ pattern: RegExp; path: string }>;

  constructor(private readonly document: OpenApiDocument) {
    addFormats(this.ajv);
    this.ajv.addSchema({ $id: 'openapi', components: withNulls(document.components ?? {}) });
    // Literal routes first: /v1/scores/export is not /v1/scores/{nominationId}.
    this.routes = Object.keys(document.paths)
      .sort((a, b) => a.split('{').length - b.split('{').length)
      .map((path) => ({ path, pattern: new RegExp(`^${path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{\w+\}/g, '[^/]+')}$`) }));
  }

  /** What is wrong with the answer to `METHOD /path?query` (the empty list when it is as declared). */
  problems(method: string, url: string, status: number, contentType: string | null, body: string): string[] {
    const pathname = new URL(url, 'http://service').pathname;
    const route = this.routes.find(({ pattern }) => pattern.test(pathname));
    const operation = route && this.document.paths[route.path][method.toLowerCase()];
    if (!route || !operation) return [`${method} ${pathname} is not in the document`];
    const content = operation.responses?.[String(status)]?.content;
    if (!content) return [`${method} ${route.path} does not declare ${status}`];
    const mediaType = Object.keys(content).find((type) => contentType?.startsWith(type));
    if (!mediaType) return [`${method} ${route.path} ${status} declares ${Object.keys(content).join(', ')}, not ${contentType}`];
    if (mediaType !== 'application/json') return [];
    const validate = this.validator(`${method} ${route.path} ${status}`, content[mediaType].schema);
    return validate(JSON.parse(body))
      ? []
      : (validate.errors ?? []).map((e) => `${method} ${route.path} ${status}: ${e.instancePath || 'body'} ${e.message}`);
  }

  private validator(key: string, schema: unknown): ValidateFunction {
    let validate = this.validators.get(key);
    if (!validate) {
      const refsResolved = JSON.parse(JSON.stringify(withNulls(schema)).replaceAll('"#/components/', '"openapi#/components/'));
      validate = this.ajv.compile(refsResolved as object);
      this.validators.set(key, validate);
    }
    return validate;
  }
}
