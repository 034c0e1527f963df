// The typed API client of each service, generated from the OpenAPI documents in docs/openapi/
// (`npm run -s generate:api`; the output is not committed: it always follows the documents).
import { defineConfig } from '@hey-api/openapi-ts';

const services = ['intake', 'scoring', 'ranking', 'notification'];

export default defineConfig(
  services.map((service) => ({
    input: `docs/openapi/${service}.json`,
    output: { path: `apps/console/web/src/api/generated/${service}`, clean: true },
    plugins: ['@hey-api/client-fetch', '@hey-api/typescript', '@hey-api/sdk'],
    logs: { level: 'warn' },
  })),
);
