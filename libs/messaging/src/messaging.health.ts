import { Inject, Injectable } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import { KAFKA_CLIENT } from './kafka/kafka.tokens';

@Injectable()
export class MessagingHealth {
  constructor(@Inject(KAFKA_CLIENT) private readonly kafka: Kafka) {}

  /** True when a broker answers a metadata request within the timeout. */
  async isReachable(timeoutMs = 2_000): Promise<boolean> {
    const admin = this.kafka.admin({ retry: { retries: 0 } });
    const probe = (async () => {
      await admin.connect();
      await admin.describeCluster();
      return true;
    })();
    const timeout = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), timeoutMs).unref());
    try {
      return await Promise.race([probe, timeout]);
    } catch {
      return false;
    } finally {
      void admin.disconnect().catch(() => undefined);
    }
  }
}
