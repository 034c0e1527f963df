import fc from 'fast-check';
import { captureServiceLogs } from './captured-logs';
import { fuzzSeed } from './fuzz';

// What the code under test logs is kept, not printed: the test environment prints it when a test fails.
captureServiceLogs();
// Property tests draw the same cases on every run (green every time); FUZZ_SEED=<n> explores others.
fc.configureGlobal({ seed: fuzzSeed });
