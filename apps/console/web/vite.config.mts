import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const env = process.env;
const services = {
  intake: env.INTAKE_URL ?? 'http://127.0.0.1:3001',
  scoring: env.SCORING_URL ?? 'http://127.0.0.1:3002',
  ranking: env.RANKING_URL ?? 'http://127.0.0.1:3003',
  notification: env.NOTIFICATION_URL ?? 'http://127.0.0.1:3004',
};

/** In development the dev server answers /config.json the way the console server does. */
const runtimeConfig = (): Plugin => ({
  name: 'paritrana-runtime-config',
  configureServer(server) {
    server.middlewares.use('/config.json', (_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(
        JSON.stringify({
          oidc: {
            authority: env.OIDC_ISSUER_URL ?? 'http://127.0.0.1:8080/realms/paritrana',
            clientId: env.OIDC_CONSOLE_CLIENT_ID ?? 'paritrana-console',
          },
        }),
      );
    });
  },
});

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [runtimeConfig()],
  // The console shares the platform's contracts (indicator lists, part-of-whole rules) with the services.
  resolve: { alias: { '@paritrana/contracts': fileURLToPath(new URL('../../../libs/contracts/src', import.meta.url)) } },
  build: {
    outDir: fileURLToPath(new URL('../../../dist/console-web', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      // The UI library marks its modules "use client" for server rendering, which a browser bundle ignores.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  server: {
    host: '127.0.0.1',
    port: 3000,
    strictPort: true,
    proxy: Object.fromEntries(
      Object.entries(services).map(([name, target]) => [
        `/api/${name}/`,
        { target, changeOrigin: true, rewrite: (path: string) => path.replace(`/api/${name}`, '') },
      ]),
    ),
  },
});
