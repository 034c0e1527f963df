import { captureServiceLogs } from './captured-logs';

// What the code under test logs is kept, not printed: the test environment prints it when a test fails.
captureServiceLogs();
