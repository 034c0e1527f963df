/** One line on stderr, redrawn in place on a terminal and printed every 10 s elsewhere (CI logs). */
export class Progress {
  private timer?: NodeJS.Timeout;
  private lastPrinted = 0;
  private readonly tty = process.stderr.isTTY;
  private history: Array<{ at: number; ranked: number }> = [];
  private phase = '';

  constructor(private readonly read: () => { phase: string; total: number; submitted: number; scored: number; ranked: number }) {}

  start(): void {
    this.timer = setInterval(() => this.draw(), 500);
  }

  stop(): void {
    clearInterval(this.timer);
    this.draw();
    if (this.tty) process.stderr.write('\n');
  }

  private draw(): void {
    const { phase, total, submitted, scored, ranked } = this.read();
    const now = Date.now();
    if (phase !== this.phase) this.history = [];
    this.phase = phase;
    this.history.push({ at: now, ranked });
    this.history = this.history.filter((h) => now - h.at <= 5_000);
    const oldest = this.history[0];
    const rate = now > oldest.at ? ((ranked - oldest.ranked) * 1000) / (now - oldest.at) : 0;
    const done = total > 0 ? ranked / total : 0;
    const width = 30;
    const bar = '█'.repeat(Math.round(done * width)).padEnd(width, '░');
    const n = (v: number) => v.toLocaleString('en');
    const line = `${phase.padEnd(10)} ${bar} ${(done * 100).toFixed(0).padStart(3)}%  submitted ${n(submitted)}  scored ${n(scored)}  ranked ${n(ranked)}/${n(total)}  ${n(Math.round(rate))}/s`;
    if (this.tty) process.stderr.write(`\r${line}\x1b[K`);
    else if (now - this.lastPrinted >= 10_000) {
      this.lastPrinted = now;
      process.stderr.write(`${line}\n`);
    }
  }
}
