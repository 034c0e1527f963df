import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { answersMetadata, fetchKafka, stopProcess } from './kafka-broker';
import { freePort, sleep } from './ports';
import { repoRoot } from './repo-root';

// An N-node KRaft cluster (each node broker and controller) from the same jars and the same
// server.properties template as deploy/kafka/kafka.sh, for failover checks: a partition's leader
// can be found, SIGKILLed and started again.

const KAFKA_DIR = join(repoRoot(), 'deploy', 'kafka');
const CLUSTER_ID = 'cfqmztK7S7OMGKksRXlF-g';

export interface KafkaClusterOptions {
  /** Number of nodes; 3 by default. */
  nodes?: number;
  /** Each node keeps its log and configuration under <dataDir>/n<id>. */
  dataDir: string;
  /** min.insync.replicas of the cluster's topics; default nodes - 1 (2 of 3). */
  minInsyncReplicas?: number;
  /** Heap of each node; default 256 MB. */
  heapMb?: number;
  /** Where the nodes' output goes; ignored by default (each node also writes <dataDir>/n<id>/out.log). */
  stdio?: 'inherit' | 'ignore';
  timeoutMs?: number;
}

export interface KafkaClusterNode {
  id: number;
  port: number;
  controllerPort: number;
  process?: ChildProcess;
}

export interface KafkaCluster {
  /** host:port of every node, for clients. */
  brokers: string[];
  nodes: KafkaClusterNode[];
  /** The node id leading a partition now. */
  leaderOf(topic: string, partition: number): Promise<number>;
  /** SIGKILLs a node and waits until its process is gone. */
  kill(nodeId: number): Promise<void>;
  /** Stops a node cleanly (SIGTERM: controlled shutdown), SIGKILL after `graceMs`; waits until its process is gone. */
  shutdown(nodeId: number, graceMs?: number): Promise<void>;
  /**
   * The node leading the metadata quorum (the active controller), as the running nodes record it in
   * their quorum state: the leader of the highest epoch; undefined while none is elected.
   */
  activeController(): number | undefined;
  /** The file a node's output is appended to. */
  outputOf(nodeId: number): string;
  /** Starts a killed or stopped node again and waits until it answers. */
  restart(nodeId: number): Promise<void>;
  /** Starts a killed or stopped node again without waiting for it (a supervisor's restart). */
  start(nodeId: number): void;
  /** Stops every node (SIGTERM, then SIGKILL after the grace period). */
  stop(): Promise<void>;
}

/** The jar folder kafka.sh fetches into: .cache/kafka/<kafka.version in deploy/kafka/pom.xml>/libs. */
export function kafkaLibsDir(): string {
  if (process.env.KAFKA_CACHE_DIR) return process.env.KAFKA_CACHE_DIR;
  const version = /<kafka\.version>(.*)<\/kafka\.version>/.exec(readFileSync(join(KAFKA_DIR, 'pom.xml'), 'utf8'))?.[1];
  if (!version) throw new Error(`No <kafka.version> in ${join(KAFKA_DIR, 'pom.xml')}`);
  return join(repoRoot(), '.cache', 'kafka', version, 'libs');
}

/** Starts the nodes, waits until every one of them answers and the cluster knows them all. */
export async function startKafkaCluster(options: KafkaClusterOptions): Promise<KafkaCluster> {
  const count = options.nodes ?? 3;
  const timeoutMs = options.timeoutMs ?? 180_000;
  fetchKafka();
  const nodes: KafkaClusterNode[] = [];
  for (let id = 1; id <= count; id++) nodes.push({ id, port: await freePort(), controllerPort: await freePort() });
  const voters = nodes.map((n) => `${n.id}@127.0.0.1:${n.controllerPort}`).join(',');
  const jvm = [`-Dlog4j2.configurationFile=${join(KAFKA_DIR, 'log4j2.xml')}`, '-cp', `${kafkaLibsDir()}/*`];
  const template = readFileSync(join(KAFKA_DIR, 'server.properties'), 'utf8');
  const minIsr = options.minInsyncReplicas ?? Math.max(1, count - 1);
  const nodeDir = (node: KafkaClusterNode) => join(options.dataDir, `n${node.id}`);
  const byId = (nodeId: number) => {
    const node = nodes.find((n) => n.id === nodeId);
    if (!node) throw new Error(`No node ${nodeId} in the cluster (1..${count})`);
    return node;
  };

  for (const node of nodes) {
    const dir = nodeDir(node);
    mkdirSync(join(dir, 'log'), { recursive: true });
    // the single-node template, then what makes it one of N (a later key wins in a properties file)
    const config = template
      .replaceAll('@KAFKA_PORT@', String(node.port))
      .replaceAll('@KAFKA_CONTROLLER_PORT@', String(node.controllerPort))
      .replaceAll('@KAFKA_LOG_DIRS@', join(dir, 'log'));
    const overrides = {
      'node.id': node.id,
      'controller.quorum.voters': voters,
      'offsets.topic.replication.factor': count,
      'transaction.state.log.replication.factor': count,
      'transaction.state.log.min.isr': minIsr,
      'share.coordinator.state.topic.replication.factor': count,
      'share.coordinator.state.topic.min.isr': minIsr,
      'default.replication.factor': count,
      'min.insync.replicas': minIsr,
    };
    const extra = Object.entries(overrides).map(([key, value]) => `${key}=${value}`);
    writeFileSync(join(dir, 'server.properties'), `${config}\n# ${count}-node cluster\n${extra.join('\n')}\n`);
    const format = spawnSync(
      'java',
      [...jvm, 'kafka.tools.StorageTool', 'format', '--config', join(dir, 'server.properties'), '--cluster-id', CLUSTER_ID],
      { encoding: 'utf8' },
    );
    if (format.status !== 0) throw new Error(`Formatting node ${node.id} failed: ${format.stderr || format.stdout}`);
  }

  const launch = (node: KafkaClusterNode) => {
    const heap = `${options.heapMb ?? 256}m`;
    const args = [`-Xms${heap}`, `-Xmx${heap}`, '-XX:+UseG1GC', '-Djava.awt.headless=true', ...jvm];
    const child = spawn('java', [...args, 'kafka.Kafka', join(nodeDir(node), 'server.properties')], {
      stdio: options.stdio === 'inherit' ? 'inherit' : ['ignore', 'pipe', 'pipe'],
    });
    if (options.stdio !== 'inherit') {
      const out = join(nodeDir(node), 'out.log');
      const append = (chunk: Buffer) => writeFileSync(out, chunk, { flag: 'a' });
      child.stdout?.on('data', append);
      child.stderr?.on('data', append);
    }
    node.process = child;
  };

  const waitUntilAnswers = async (node: KafkaClusterNode) => {
    const deadline = Date.now() + timeoutMs;
    while (!(await answersMetadata([`127.0.0.1:${node.port}`]))) {
      const child = node.process;
      if (child && (child.exitCode !== null || child.signalCode !== null)) {
        throw new Error(`Kafka node ${node.id} exited during start; see ${join(nodeDir(node), 'out.log')}`);
      }
      if (Date.now() > deadline) throw new Error(`Kafka node ${node.id} did not answer within ${timeoutMs / 1000} s`);
      await sleep(250);
    }
  };

  const brokers = nodes.map((n) => `127.0.0.1:${n.port}`);
  const admin = () => new Kafka({ clientId: 'kafka-cluster', brokers, logLevel: logLevel.NOTHING, retry: { retries: 3 } }).admin();

  const stop = () => Promise.all(nodes.map((n) => (n.process ? stopProcess(n.process, 20_000) : undefined))).then(() => undefined);

  try {
    nodes.forEach(launch);
    for (const node of nodes) await waitUntilAnswers(node);
    const client = admin();
    await client.connect();
    try {
      const deadline = Date.now() + timeoutMs;
      while ((await client.describeCluster()).brokers.length < count) {
        if (Date.now() > deadline) throw new Error(`The cluster did not see all ${count} nodes within ${timeoutMs / 1000} s`);
        await sleep(250);
      }
    } finally {
      await client.disconnect();
    }
  } catch (error) {
    await stop();
    throw error;
  }

  const startNode = (nodeId: number) => {
    const node = byId(nodeId);
    const child = node.process;
    if (child && child.exitCode === null && child.signalCode === null) throw new Error(`Kafka node ${nodeId} is still running`);
    launch(node);
  };

  return {
    brokers,
    nodes,
    async leaderOf(topic, partition) {
      const client = admin();
      await client.connect();
      try {
        const { topics } = await client.fetchTopicMetadata({ topics: [topic] });
        const found = topics[0]?.partitions.find((p) => p.partitionId === partition);
        if (!found) throw new Error(`No partition ${topic}[${partition}]`);
        return found.leader;
      } finally {
        await client.disconnect();
      }
    },
    async kill(nodeId) {
      const child = byId(nodeId).process;
      if (!child || child.exitCode !== null || child.signalCode !== null) return;
      await new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGKILL');
      });
    },
    async shutdown(nodeId, graceMs = 30_000) {
      const child = byId(nodeId).process;
      if (child) await stopProcess(child, graceMs);
    },
    activeController() {
      let best: { leaderId: number; leaderEpoch: number } | undefined;
      for (const node of nodes) {
        const child = node.process;
        if (!child || child.exitCode !== null || child.signalCode !== null) continue;
        const file = join(nodeDir(node), 'log', '__cluster_metadata-0', 'quorum-state');
        if (!existsSync(file)) continue;
        try {
          const state = JSON.parse(readFileSync(file, 'utf8')) as { leaderId?: number; leaderEpoch?: number };
          if (typeof state.leaderId !== 'number' || state.leaderId < 0 || typeof state.leaderEpoch !== 'number') continue;
          if (!best || state.leaderEpoch > best.leaderEpoch) best = { leaderId: state.leaderId, leaderEpoch: state.leaderEpoch };
        } catch {
          // being rewritten at this moment
        }
      }
      return best?.leaderId;
    },
    outputOf(nodeId) {
      return join(nodeDir(byId(nodeId)), 'out.log');
    },
    async restart(nodeId) {
      startNode(nodeId);
      await waitUntilAnswers(byId(nodeId));
    },
    start: startNode,
    stop,
  };
}
