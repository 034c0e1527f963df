export const TEST_PARTITIONS = 3;

export interface TestInfra {
  stops: Array<() => Promise<void>>;
  dropDatabase?: { adminUrl: string; name: string };
}
