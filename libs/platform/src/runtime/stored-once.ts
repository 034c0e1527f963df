/**
 * Values that never change once stored (an edition's definition: intake never alters one, and the projections only
 * copy it), read from the database once and then from memory. Frozen, so that no reader alters what the others get. A
 * key not found is looked up again the next time.
 */
export class StoredOnce<V extends object> {
  private readonly known = new Map<string, V>();

  async get(key: string, read: () => Promise<V | undefined>): Promise<V | undefined> {
    const held = this.known.get(key);
    if (held) return held;
    const value = await read();
    if (value !== undefined) this.known.set(key, deepFreeze(value));
    return value;
  }
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
