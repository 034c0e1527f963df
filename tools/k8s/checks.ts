import { ALL_TOPICS, deadLetterTopic } from '@paritrana/contracts';
import { MAX_MESSAGE_BYTES } from '@paritrana/messaging/kafka/topics';
import { expect } from 'expect';
import {
  byKind,
  connectionBudget,
  consumerGroupsInCode,
  deploymentProblems,
  expectDeployable,
  named,
  type Obj,
  OVERLAYS,
  SERVICES,
} from './manifests';
import { type SchemaValidator } from './schemas';

/**
 * What each rendered overlay must keep: run by the unit spec (checks.spec.ts) and by `npm run check:k8s`. A check
 * throws, naming the object and the field, when the rendering breaks it; it may return a detail worth printing.
 */
export interface OverlayCheck {
  name: string;
  overlays: readonly string[];
  run(objects: Obj[], schemas: SchemaValidator): string | void;
}

export const OVERLAY_CHECKS: readonly OverlayCheck[] = [
  {
    name: 'every object valid against the Kubernetes API or its CRD, unknown fields refused',
    overlays: OVERLAYS,
    run: (objects, schemas) => {
      expect(schemas.problems(objects)).toEqual([]);
      return `${objects.length} objects`;
    },
  },
  {
    name: 'every Deployment has startup, readiness and liveness probes, CPU and memory requests and limits, and a PodDisruptionBudget',
    overlays: OVERLAYS,
    run: (objects) => {
      expect(deploymentProblems(objects)).toEqual([]);
      return `${byKind(objects, 'Deployment').length} Deployments`;
    },
  },
  {
    name: 'the services, the console and Keycloak deployable, connections within max_connections, all in namespace paritrana, no placeholder host',
    overlays: OVERLAYS,
    run: (objects) => {
      expectDeployable(objects);
      const budget = connectionBudget(objects);
      expect(budget.needed).toBeLessThanOrEqual(budget.max);
      expect(
        objects.filter((o) => o.kind !== 'Namespace' && o.metadata.namespace !== 'paritrana').map((o) => `${o.kind}/${o.metadata.name}`),
      ).toEqual([]);
      const ingress = named(objects, 'Ingress', 'paritrana')!;
      expect(ingress.spec.rules.map((r: Obj) => r.host as string).filter((host: string) => host.endsWith('.invalid'))).toEqual([]);
      const config = byKind(objects, 'ConfigMap').flatMap((c) => Object.values(c.data ?? {}) as string[]);
      expect(config.filter((value) => value.includes('example.invalid'))).toEqual([]);
      return `${budget.needed} of ${budget.max} connections`;
    },
  },
  {
    name: 'the KafkaTopics are the topic catalogue and its dead-letter topics, 3 replicas, min.insync.replicas 2',
    overlays: OVERLAYS,
    run: (objects) => {
      const topics = byKind(objects, 'KafkaTopic');
      const [kafka] = byKind(objects, 'Kafka');
      expect(topics.map((t) => t.spec.topicName).sort()).toEqual(ALL_TOPICS.flatMap((t) => [t, deadLetterTopic(t)]).sort());
      for (const topic of topics)
        expect({
          topic: topic.metadata.name,
          replicas: topic.spec.replicas,
          minInsyncReplicas: Number(topic.spec.config?.['min.insync.replicas']),
          maxMessageBytes: Number(topic.spec.config?.['max.message.bytes']),
          cluster: topic.metadata.labels?.['strimzi.io/cluster'],
        }).toEqual({
          topic: topic.metadata.name,
          replicas: 3,
          minInsyncReplicas: 2,
          maxMessageBytes: MAX_MESSAGE_BYTES,
          cluster: kafka.metadata.name,
        });
      return `${topics.length} topics`;
    },
  },
  {
    name: 'the ScaledObjects scale each service on exactly the consumer groups its code joins',
    overlays: OVERLAYS,
    run: (objects) => {
      const inCode = consumerGroupsInCode();
      const [kafka] = byKind(objects, 'Kafka');
      const bootstrap = `${kafka.metadata.name}-kafka-bootstrap.${kafka.metadata.namespace}.svc:9092`;
      expect(Object.keys(inCode).sort()).toEqual([...SERVICES].sort());
      expect(
        byKind(objects, 'ScaledObject')
          .map((s) => s.metadata.name)
          .sort(),
      ).toEqual([...SERVICES].sort());
      for (const service of SERVICES) {
        const scaled = named(objects, 'ScaledObject', service)!;
        const triggers = scaled.spec.triggers as Obj[];
        expect({
          scaledObject: service,
          target: scaled.spec.scaleTargetRef.name,
          minReplicasAtLeast2: scaled.spec.minReplicaCount >= 2,
          consumerGroups: triggers.map((t) => t.metadata.consumerGroup).sort(),
          triggers: triggers.map((t) => [t.type, t.metadata.bootstrapServers, t.metadata.consumerGroup]),
        }).toEqual({
          scaledObject: service,
          target: service,
          minReplicasAtLeast2: true,
          consumerGroups: inCode[service],
          triggers: triggers.map((t) => ['kafka', bootstrap, `paritrana-${service}.${t.metadata.topic}`]),
        });
      }
      return `${Object.values(inCode).flat().length} consumer groups`;
    },
  },
  {
    name: 'no Secret, versioned images, TLS for every Ingress host',
    overlays: ['production'],
    run: (objects) => {
      const images = byKind(objects, 'Deployment').flatMap((d) => (d.spec.template.spec.containers as Obj[]).map((c) => c.image as string));
      const ingress = named(objects, 'Ingress', 'paritrana')!;
      expect(byKind(objects, 'Secret').map((s) => s.metadata.name)).toEqual([]);
      expect(images.filter((image) => !/:[\w.-]+$/.test(image) || image.endsWith(':latest'))).toEqual([]);
      expect([...ingress.spec.tls[0].hosts].sort()).toEqual(ingress.spec.rules.map((r: Obj) => r.host).sort());
    },
  },
  {
    name: 'only obviously-development passwords in its generated Secrets',
    overlays: ['local'],
    run: (objects) => {
      const passwords = byKind(objects, 'Secret').flatMap((s) =>
        Object.entries(s.data ?? {})
          .filter(([key]) => /password|secret/i.test(key))
          .map(([, value]) => Buffer.from(value as string, 'base64').toString()),
      );
      expect(passwords.length).toBeGreaterThan(0);
      expect(passwords.filter((p) => !p.includes('development'))).toEqual([]);
      return `${passwords.length} passwords`;
    },
  },
];
