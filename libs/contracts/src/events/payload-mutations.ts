/**
 * Systematic mutations of a valid JSON document, for tests that prove two validators of one shape
 * (an HTTP DTO and an event schema) agree: every field removed, replaced by values of the wrong
 * type or out of its pattern, enum or range, and an unknown field added to every object.
 * Not exported from the package index: tests import it by path.
 */
export interface PayloadMutation {
  /** Dotted path of the changed node, `''` for the root. */
  readonly path: string;
  readonly change: string;
  readonly document: unknown;
}

/** Wrong types, empty and over-long strings, strings out of every pattern or enum, numbers out of range, near-miss dates. */
export const SUSPECT_VALUES: readonly unknown[] = [
  null,
  true,
  0,
  -1,
  1.5,
  51,
  101,
  2101,
  '',
  ' ',
  'x',
  'Not Valid!',
  'a'.repeat(201),
  '2025-01-01',
  '2025-01-01T00:00:00',
  [],
  ['x'],
  [{}],
  {},
  { x: 1 },
];

type Node = Record<string, unknown> | unknown[];
const isNode = (value: unknown): value is Node => value !== null && typeof value === 'object';

export function payloadMutations(document: unknown, suspects: readonly unknown[] = SUSPECT_VALUES): PayloadMutation[] {
  const out: PayloadMutation[] = [];
  const visit = (node: unknown, path: string[]) => {
    const at = path.join('.');
    if (path.length > 0) {
      const parentIsObject = !Array.isArray(readAt(document, path.slice(0, -1)));
      if (parentIsObject) out.push({ path: at, change: 'removed', document: writeAt(document, path, REMOVE) });
      for (const value of suspects) {
        out.push({ path: at, change: `= ${JSON.stringify(value)}`, document: writeAt(document, path, value) });
      }
    }
    if (!isNode(node)) return;
    if (Array.isArray(node)) {
      node.forEach((child, i) => visit(child, [...path, String(i)]));
    } else {
      out.push({ path: at, change: 'unknown field added', document: writeAt(document, path, { ...node, unexpected: 1 }) });
      for (const [key, child] of Object.entries(node)) visit(child, [...path, key]);
    }
  };
  visit(document, []);
  return out;
}

const REMOVE = Symbol('remove');

function readAt(document: unknown, path: string[]): unknown {
  return path.reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], document);
}

/** A deep copy of `document` with the node at `path` replaced (or removed). */
export function writeAt(document: unknown, path: string[], value: unknown): unknown {
  if (path.length === 0) return JSON.parse(JSON.stringify(value)) as unknown;
  const copy = JSON.parse(JSON.stringify(document)) as Node;
  const parent = readAt(copy, path.slice(0, -1)) as Record<string, unknown>;
  const key = path[path.length - 1];
  if (value === REMOVE) delete parent[key];
  else parent[key] = JSON.parse(JSON.stringify(value)) as unknown;
  return copy;
}
