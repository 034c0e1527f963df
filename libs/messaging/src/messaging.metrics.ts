import { Injectable } from '@nestjs/common';
import { Counter, Gauge, Histogram, register } from 'prom-client';

const counter = (name: string, help: string, labelNames: string[] = []) =>
  (register.getSingleMetric(name) as Counter<string> | undefined) ?? new Counter({ name, help, labelNames });

@Injectable()
export class MessagingMetrics {
  readonly published = counter('paritrana_outbox_published_total', 'Events relayed from the outbox to Kafka');
  readonly consumed = counter('paritrana_events_consumed_total', 'Events consumed and applied', ['type']);
  readonly duplicates = counter('paritrana_events_duplicate_total', 'Redelivered events skipped', ['type']);
  readonly retried = counter('paritrana_events_retried_total', 'Transient failures retried', ['topic']);
  readonly consumersReplaced = counter(
    'paritrana_consumers_replaced_total',
    'Consumers replaced after they crashed for good or fell silent',
    ['topic'],
  );
  readonly unknownFailures = counter(
    'paritrana_consumer_unknown_errors_total',
    'Events whose handling failed for an unknown reason (a bug); their partition was paused, nothing dead-lettered',
    ['topic'],
  );
  readonly pausedPartitions =
    (register.getSingleMetric('paritrana_consumer_paused_partitions') as Gauge<string> | undefined) ??
    new Gauge({
      name: 'paritrana_consumer_paused_partitions',
      help: 'Partitions paused after an unknown failure, waiting to try their event again',
      labelNames: ['topic'],
    });
  readonly processedEventsPruned = counter(
    'paritrana_processed_events_pruned_total',
    'Processed-event records older than the topics retention, deleted',
  );
  readonly deadLettered = counter('paritrana_events_dead_lettered_total', 'Messages sent to a .dlq topic', ['topic']);
  readonly handleSeconds =
    (register.getSingleMetric('paritrana_event_handle_seconds') as Histogram<string> | undefined) ??
    new Histogram({
      name: 'paritrana_event_handle_seconds',
      help: 'Time to apply one consumed event',
      labelNames: ['type'],
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 5],
    });
}
