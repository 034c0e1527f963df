import type { OpenAPIObject } from '@nestjs/swagger';
import { previewOpenApiDocument, type ApiDescription } from '@paritrana/platform';
import { loadIntakeEnv } from '../../apps/nomination-intake/src/config/env';
import { INTAKE_API, IntakeModule } from '../../apps/nomination-intake/src/intake.module';
import { loadNotificationEnv } from '../../apps/notification/src/config/env';
import { NOTIFICATION_API, NotificationModule } from '../../apps/notification/src/notification.module';
import { loadRankingEnv } from '../../apps/ranking/src/config/env';
import { RANKING_API, RankingModule } from '../../apps/ranking/src/ranking.module';
import { loadScoringEnv } from '../../apps/scoring/src/config/env';
import { SCORING_API, ScoringModule } from '../../apps/scoring/src/scoring.module';

interface DocumentedService {
  /** The document's file name in docs/openapi/, without `.json`. */
  name: string;
  api: ApiDescription;
  /** The service's root module, configured with the default environment (nothing is started). */
  module: () => unknown;
}

export const DOCUMENTED_SERVICES: readonly DocumentedService[] = [
  { name: 'intake', api: INTAKE_API, module: () => IntakeModule.forRoot(loadIntakeEnv({})) },
  { name: 'scoring', api: SCORING_API, module: () => ScoringModule.forRoot(loadScoringEnv({})) },
  { name: 'ranking', api: RANKING_API, module: () => RankingModule.forRoot(loadRankingEnv({})) },
  { name: 'notification', api: NOTIFICATION_API, module: () => NotificationModule.forRoot(loadNotificationEnv({})) },
];

const sortedKeys = <T>(record: Record<string, T>): Record<string, T> =>
  Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

/** Paths and schemas by name, so moving a controller or a class does not reorder the document. */
function normalized(document: OpenAPIObject): OpenAPIObject {
  return {
    ...document,
    paths: sortedKeys(document.paths),
    components: { ...document.components, schemas: sortedKeys(document.components?.schemas ?? {}) },
  };
}

/** The service's OpenAPI document as committed in docs/openapi/<name>.json: two-space JSON and a final newline. */
export async function renderOpenApi(service: DocumentedService): Promise<string> {
  return `${JSON.stringify(normalized(await previewOpenApiDocument(service.module(), service.api)), null, 2)}\n`;
}
