import fc from 'fast-check';

/** Fixed for reproducible CI runs; FUZZ_SEED=<n> explores others. */
export const fuzzSeed = Number(process.env.FUZZ_SEED ?? 20261121);

/** A valid body with the value at one path (or the whole body) replaced by arbitrary JSON. */
export const withOneFieldReplaced = (valid: unknown) =>
  fc.tuple(fc.nat(), fc.jsonValue()).map(([pick, value]) => {
    const copy = structuredClone(valid);
    const paths: string[][] = [];
    const walk = (node: unknown, path: string[]) => {
      if (node !== null && typeof node === 'object') for (const [k, v] of Object.entries(node)) walk(v, [...path, k]);
      paths.push(path);
    };
    walk(copy, []);
    const path = paths[pick % paths.length];
    if (path.length === 0) return value;
    let node = copy as Record<string, unknown>;
    for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
    node[path[path.length - 1]] = value;
    return copy;
  });
