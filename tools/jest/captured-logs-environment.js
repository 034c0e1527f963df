// The Node test environment of every suite: when a test or hook fails, it prints what
// the code under test (the services in the test process) logged meanwhile (libs/testing/src/captured-logs.ts).
const { TestEnvironment } = require('jest-environment-node');

const SHOWN = 400;

class CapturedLogsEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    this.testPath = context.testPath;
    this.from = 0;
  }

  logs() {
    return this.global.__paritranaLogs ?? { lines: [], dropped: 0 };
  }

  async handleTestEvent(event) {
    if (event.name === 'test_start') this.from = this.logs().lines.length + this.logs().dropped;
    if (event.name === 'test_done' && event.test.errors.length > 0) this.print(`"${fullName(event.test)}" failed`, this.from);
    if (event.name === 'hook_failure') this.print(`${event.hook.type} failed`, 0);
  }

  print(what, from) {
    const { lines, dropped } = this.logs();
    const since = lines.slice(Math.max(0, from - dropped));
    const shown = since.slice(-SHOWN);
    const header = `\n── ${this.testPath.replace(`${process.cwd()}/`, '')}: ${what}; the services logged ${since.length} line(s)`;
    process.stderr.write(
      `${header}${shown.length < since.length ? ` (last ${shown.length} shown)` : ''}:\n${shown.join('\n')}\n── end of service logs\n`,
    );
  }
}

function fullName(test) {
  const names = [];
  for (let block = test; block && block.name !== 'ROOT_DESCRIBE_BLOCK'; block = block.parent) names.unshift(block.name);
  return names.join(' › ');
}

module.exports = CapturedLogsEnvironment;
