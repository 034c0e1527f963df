import { Logger } from '@nestjs/common';
import { Kafka, logLevel, type LogEntry } from 'kafkajs';

const logger = new Logger('Kafka');

/**
 * kafkajs warns at every start that an idempotent producer with bounded retries may lose its
 * guarantees: createProducer answers that by taking a new producer id after a send that gave up.
 */
const ANSWERED_WARNINGS = ['Limiting retries for the idempotent producer'];

export function createKafka(clientId: string, brokers: string[]): Kafka {
  return new Kafka({
    clientId,
    brokers,
    logLevel: logLevel.WARN,
    retry: { initialRetryTime: 200, retries: 8 },
    logCreator:
      () =>
      ({ level, log }: LogEntry) => {
        const { message, ...extra } = log;
        if (ANSWERED_WARNINGS.some((warning) => message.startsWith(warning))) return;
        const line = `${message} ${JSON.stringify(extra)}`;
        if (level <= logLevel.ERROR) logger.error(line);
        else logger.warn(line);
      },
  });
}
