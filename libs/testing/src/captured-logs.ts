import { ConsoleLogger, Logger, type LogLevel } from '@nestjs/common';

/** The lines the in-process services logged during this test file; printed only when a test fails. */
export interface CapturedLogs {
  lines: string[];
  dropped: number;
}

const MAX_LINES = 5_000;

export function capturedLogs(): CapturedLogs {
  const holder = globalThis as { __paritranaLogs?: CapturedLogs };
  holder.__paritranaLogs ??= { lines: [], dropped: 0 };
  return holder.__paritranaLogs;
}

/** Keeps lines, the newest MAX_LINES of them. */
export function keepLogLines(lines: string[]): void {
  const logs = capturedLogs();
  logs.lines.push(...lines);
  if (logs.lines.length > MAX_LINES) logs.dropped += logs.lines.splice(0, logs.lines.length - MAX_LINES).length;
}

/** A Nest logger that keeps its lines in memory instead of writing them, so a passing run is quiet. */
class CapturingLogger extends ConsoleLogger {
  constructor() {
    super({ colors: false, timestamp: false });
  }

  protected override printMessages(messages: unknown[], context = '', logLevel: LogLevel = 'log'): void {
    const logs = capturedLogs();
    for (const message of messages) {
      const text =
        typeof message === 'string' ? message : message instanceof Error ? (message.stack ?? message.message) : JSON.stringify(message);
      logs.lines.push(`${new Date().toISOString()} ${logLevel.toUpperCase().padEnd(5)} [${context}] ${text}`);
    }
    if (logs.lines.length > MAX_LINES) logs.dropped += logs.lines.splice(0, logs.lines.length - MAX_LINES).length;
  }

  protected override printStackTrace(stack: string): void {
    if (stack) keepLogLines([stack]);
  }
}

/** Routes every Nest logger of this test file (the services started in process, kafkajs through them) into memory. */
export function captureServiceLogs(): void {
  Logger.overrideLogger(new CapturingLogger());
}
