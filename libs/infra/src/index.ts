// Local infrastructure for development, tests, benchmarks and fault runs: a Kafka broker (or an N-node cluster) and Keycloak from their
// jars, PostgreSQL (the machine's or embedded), free ports, the repository root and how a service
// process runs. Importers usually take one file (`@paritrana/infra/ports`) so that a small tool
// does not load the broker's and the database's clients.
export * from './embedded-postgres';
export * from './kafka-broker';
export * from './kafka-cluster';
export * from './keycloak';
export * from './ports';
export * from './postgres';
export * from './repo-root';
export * from './service-runtime';
