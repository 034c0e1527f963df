import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OpenAPIObject } from '@nestjs/swagger';
import { DOCUMENTED_SERVICES, renderOpenApi } from './openapi';

type Schema = Record<string, unknown>;
type Operation = { operationId?: string; tags?: string[]; responses: Record<string, { content?: Record<string, { schema?: Schema }> }> };

const operationsOf = (document: OpenAPIObject) =>
  Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item as Record<string, Operation>).map(([method, operation]) => ({ at: `${method.toUpperCase()} ${path}`, operation })),
  );

/** Objects declared as `type: object` with nothing saying what is in them: a client would type them `object`. */
function untypedObjects(schema: unknown, at: string): string[] {
  if (Array.isArray(schema)) return schema.flatMap((item, index) => untypedObjects(item, `${at}[${index}]`));
  if (schema === null || typeof schema !== 'object') return [];
  const node = schema as Schema;
  const structured = ['properties', 'additionalProperties', 'allOf', 'anyOf', 'oneOf', '$ref'].some((key) => key in node);
  const own = node.type === 'object' && !structured ? [at] : [];
  return [
    ...own,
    ...Object.entries(node)
      .filter(([key]) => key !== 'example' && key !== 'examples')
      .flatMap(([key, value]) => untypedObjects(value, `${at}.${key}`)),
  ];
}

describe.each(DOCUMENTED_SERVICES.map((service) => [service.name, service] as const))('docs/openapi/%s.json', (name, service) => {
  const committed = readFileSync(join(__dirname, '..', '..', 'docs', 'openapi', `${name}.json`), 'utf8');
  const document = JSON.parse(committed) as OpenAPIObject;
  const operations = operationsOf(document);

  it('should be what the controllers generate (run npm run docs:openapi after changing an endpoint)', async () => {
    expect(committed).toBe(await renderOpenApi(service));
  });

  it('should name every operation with a unique camelCase operationId and tag it', () => {
    const ids = operations.map(({ operation }) => operation.operationId);

    expect(operations.length).toBeGreaterThan(0);
    expect(ids.filter((id) => !/^[a-z][A-Za-z]+$/.test(id ?? ''))).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(operations.filter(({ operation }) => !operation.tags?.length).map(({ at }) => at)).toEqual([]);
  });

  it('should declare one success answer per operation with a typed body', () => {
    const untyped = operations.filter(({ operation }) => {
      const success = Object.keys(operation.responses).filter((status) => status.startsWith('2'));
      if (success.length !== 1) return true;
      const content = Object.entries(operation.responses[success[0]].content ?? {});
      return (
        content.length === 0 ||
        content.some(([type, { schema }]) =>
          type === 'text/csv' ? schema?.type !== 'string' : !schema?.$ref && !(schema?.type === 'array' && schema.items),
        )
      );
    });

    expect(untyped.map(({ at }) => at)).toEqual([]);
  });

  it('should declare every error answer with the problem body the exception filter writes', () => {
    const schemas = (document.components?.schemas ?? {}) as Record<string, { properties?: Schema; required?: string[] }>;
    const fieldsOf = (ref: unknown) => schemas[String(ref).replace('#/components/schemas/', '')]?.required ?? [];
    const errors = operations.flatMap(({ at, operation }) =>
      Object.entries(operation.responses)
        .filter(([status]) => /^[45]/.test(status))
        .map(([status, response]) => ({ at: `${at} ${status}`, status, schema: response.content?.['application/json']?.schema })),
    );

    expect(errors.length).toBeGreaterThan(0);
    expect(
      errors.filter(({ status, schema }) => {
        const required = fieldsOf(schema?.$ref);
        return !['code', 'message', ...(status === '422' ? ['errors'] : [])].every((field) => required.includes(field));
      }),
    ).toEqual([]);
  });

  it('should say what is inside every object it declares', () => {
    expect(untypedObjects(document.components?.schemas, 'schemas')).toEqual([]);
  });
});
