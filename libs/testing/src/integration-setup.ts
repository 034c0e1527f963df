import { captureServiceLogs } from './captured-logs';
import { useWorkerLane } from './test-infra';

// Integration and end-to-end tests wait on real brokers and databases; Jest's 5 s default is for unit tests.
jest.setTimeout(120_000);
// Each worker has its own broker and database, so suites in parallel workers never meet.
useWorkerLane();
// The services' logs are kept, not printed: the test environment prints them when a test fails.
captureServiceLogs();
