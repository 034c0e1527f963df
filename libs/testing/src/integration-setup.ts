// Integration and end-to-end tests wait on real brokers and databases; Jest's 5 s default is for unit tests.
jest.setTimeout(120_000);
