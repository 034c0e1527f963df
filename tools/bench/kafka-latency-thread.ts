import { parentPort, workerData } from 'node:worker_threads';
import { kafkaLatencyBaseline, type KafkaLatencyJob } from './baseline';

/** The raw Kafka latency baseline on a thread of its own (see kafkaLatencyBaselineOnThread). */
const { brokers, messages, rate } = workerData as KafkaLatencyJob;
kafkaLatencyBaseline(brokers, messages, rate).then(
  (latency) => parentPort!.postMessage({ latency }),
  (error: Error) => parentPort!.postMessage({ error: error.message }),
);
