// Prints the run's totals as the last line, `Tests: N passed, N failed, N skipped`, for CI logs.
class PlainSummaryReporter {
  onRunComplete(_contexts, results) {
    const { numPassedTests, numFailedTests, numPendingTests, numTodoTests } = results;
    const line = `Tests: ${numPassedTests} passed, ${numFailedTests} failed, ${numPendingTests + numTodoTests} skipped\n`;
    // After Jest's own summary, which it prints once every reporter has finished.
    process.once('exit', () => process.stderr.write(line));
  }
}

module.exports = PlainSummaryReporter;
