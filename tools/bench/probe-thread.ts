import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import { Probe } from './probe';
import type { FromProbe, ToProbe } from './remote-probe';

/** How often what the probe saw goes back to the bench's thread. */
const TELL_EVERY_MS = 50;

/** The probe's thread (see RemoteProbe): follows the topics, takes the latencies, tells the bench what it saw. */
async function main(): Promise<void> {
  const port = parentPort!;
  const tell = (message: FromProbe) => port.postMessage(message);
  const seen: Pick<Extract<FromProbe, { kind: 'seen' }>, 'scored' | 'ranked'> = { scored: [], ranked: [] };
  const probe = new Probe((workerData as { brokers: string[] }).brokers, {
    scored: (at) => seen.scored.push(at),
    ranked: (id, at, latency) => seen.ranked.push([id, at, latency]),
  });
  let told = { updates: -1, changes: -1 };
  const tellSeen = () => {
    const traffic = { updates: probe.updates.events, changes: probe.changes.events };
    if (seen.scored.length === 0 && seen.ranked.length === 0 && traffic.updates === told.updates && traffic.changes === told.changes)
      return;
    told = traffic;
    tell({
      kind: 'seen',
      scored: seen.scored.splice(0),
      ranked: seen.ranked.splice(0),
      updates: { ...probe.updates },
      changes: { ...probe.changes },
    });
  };
  const timer = setInterval(tellSeen, TELL_EVERY_MS);
  // The thread's own longest stall while stages are tracked (the latency phases): what it adds to what it measures.
  let delay: ReturnType<typeof monitorEventLoopDelay> | undefined;
  port.on('message', (message: ToProbe) => {
    switch (message.kind) {
      case 'submitted':
        probe.submitted(message.ids, message.at, message.measure);
        break;
      case 'stages':
        probe.stagesTracked = message.tracked;
        delay?.disable();
        if (message.tracked) {
          delay = monitorEventLoopDelay({ resolution: 10 });
          delay.enable();
        }
        break;
      case 'take':
        tellSeen();
        tell({ kind: 'samples', samples: probe.takeLatencySamples(), stallMs: delay && Math.round(delay.max / 1e6) });
        break;
      case 'stop':
        clearInterval(timer);
        void probe.stop().then(() => {
          tellSeen();
          tell({ kind: 'stopped' });
        });
        break;
    }
  });
  await probe.start();
  tell({ kind: 'started' });
}

void main();
