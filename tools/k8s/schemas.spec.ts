import { type Obj } from './manifests';
import { SchemaValidator } from './schemas';

const deployment = (container: Obj): Obj => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'scoring', labels: { app: 'scoring' } },
  spec: {
    replicas: 2,
    selector: { matchLabels: { app: 'scoring' } },
    template: {
      metadata: { labels: { app: 'scoring' } },
      spec: {
        containers: [
          {
            name: 'scoring',
            image: 'paritrana-platform:dev',
            ports: [{ name: 'http', containerPort: 3002 }],
            resources: { requests: { cpu: '100m', memory: '320Mi' }, limits: { cpu: 1, memory: '512Mi' } },
            ...container,
          },
        ],
      },
    },
  },
});

const topic = (spec: Obj): Obj => ({
  apiVersion: 'kafka.strimzi.io/v1',
  kind: 'KafkaTopic',
  metadata: { name: 'paritrana.scores.v1', labels: { 'strimzi.io/cluster': 'paritrana' } },
  spec: { topicName: 'paritrana.scores.v1', partitions: 6, replicas: 3, config: { 'min.insync.replicas': 2 }, ...spec },
});

describe('SchemaValidator', () => {
  const sut = new SchemaValidator();

  it('should accept a Deployment and a KafkaTopic when every field is the schema’s', () => {
    const probe = { httpGet: { path: '/health/ready', port: 'http' }, periodSeconds: 10 };

    expect(sut.problems([deployment({ readinessProbe: probe }), topic({})])).toEqual([]);
  });

  it('should refuse a Deployment naming the object and the field when a container field is misspelled', () => {
    const probe = { httpGet: { path: '/health/ready', port: 'http' } };

    expect(sut.problems([deployment({ readinesProbe: probe })])).toEqual([
      'Deployment/scoring: spec.template.spec.containers[0].readinesProbe: unknown field',
    ]);
  });

  it('should refuse a custom resource naming the object and the field when its spec has a field its CRD lacks', () => {
    expect(sut.problems([topic({ partitionCount: 6 })])).toEqual(['KafkaTopic/paritrana.scores.v1: spec.partitionCount: unknown field']);
  });

  it('should refuse a field of the wrong type and unknown metadata of a custom resource', () => {
    const wrong = topic({ replicas: 'three' });
    wrong.metadata.label = { 'strimzi.io/cluster': 'paritrana' };

    expect(sut.problems([wrong])).toEqual([
      'KafkaTopic/paritrana.scores.v1: metadata.label: unknown field',
      'KafkaTopic/paritrana.scores.v1: spec.replicas: must be integer',
    ]);
  });

  it('should refuse an object when neither the Kubernetes API nor a vendored CRD defines its kind and version', () => {
    const problems = sut.problems([
      { apiVersion: 'policy/v1beta1', kind: 'PodDisruptionBudget', metadata: { name: 'scoring' } },
      { apiVersion: 'keda.sh/v1alpha1', kind: 'TriggerAuthentication', metadata: { name: 'kafka' } },
    ]);

    expect(problems).toEqual([
      expect.stringMatching(/^PodDisruptionBudget\/scoring: no schema for policy\/v1beta1 PodDisruptionBudget/),
      expect.stringMatching(/^TriggerAuthentication\/kafka: no schema for keda.sh\/v1alpha1 TriggerAuthentication/),
    ]);
  });
});
