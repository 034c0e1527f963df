import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { embeddedUrl, preparePostgres, waitForPostgres } from '@paritrana/infra/embedded-postgres';
import { answersMetadata, fetchKafka, provisionTopics } from '@paritrana/infra/kafka-broker';
import { fetchKeycloak, keycloakEnv, keycloakIssuer, realmReady } from '@paritrana/infra/keycloak';
import { isPortOpen, sleep } from '@paritrana/infra/ports';
import { createDatabase } from '@paritrana/infra/postgres';
import { repoRoot } from '@paritrana/infra/repo-root';
import { SERVICE_ENV, SERVICE_NODE_ARGS } from '@paritrana/infra/service-runtime';
import { loadDemo } from './demo';
import { Supervisor } from './supervisor';

const root = repoRoot();
const dataDir = join(root, '.data');
const env = process.env;
const num = (value: string | undefined, fallback: number) => (value ? Number(value) : fallback);

const SERVICES = [
  { name: 'intake', dir: 'nomination-intake', port: num(env.INTAKE_PORT, 3001), color: 32 },
  { name: 'scoring', dir: 'scoring', port: num(env.SCORING_PORT, 3002), color: 33 },
  { name: 'ranking', dir: 'ranking', port: num(env.RANKING_PORT, 3003), color: 34 },
  { name: 'notification', dir: 'notification', port: num(env.NOTIFICATION_PORT, 3004), color: 36 },
];

/** The development realm's demo accounts (deploy/keycloak/realm-paritrana.dev.json), password `paritrana`. */
const DEMO_ACCOUNTS = [
  'admin',
  'sekretariat',
  'kanwil-sumbagsel',
  'kanwil-banuspa',
  'penilai-jambi',
  'penilai-nasional',
  'ketua-jambi',
  'ketua-nasional',
];

const supervisor = new Supervisor();
let shuttingDown = false;

async function shutdown(exitCode: number): Promise<void> {
  if (shuttingDown) return;
  shuttingDown = true;
  supervisor.info('Stopping everything…');
  await supervisor.stopAll(['console', ...SERVICES.map((s) => s.name).reverse(), 'mail', 'kafka', 'postgres', 'keycloak']);
  supervisor.info('Stopped; no process left behind.');
  process.exit(exitCode);
}

async function main(): Promise<void> {
  const started = Date.now();
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));
  process.on('uncaughtException', (error) => {
    process.stderr.write(`make start crashed: ${error.stack ?? error.message}\n`);
    void shutdown(1);
  });
  mkdirSync(dataDir, { recursive: true });

  // Keycloak first: it takes the longest, and starts while Kafka and PostgreSQL do.
  let oidcIssuer = env.OIDC_ISSUER_URL;
  const keycloakPort = num(env.KEYCLOAK_PORT, 8080);
  const keycloakStart = Date.now();
  if (!oidcIssuer) {
    if (await isPortOpen(keycloakPort))
      throw new Error(
        `Port ${keycloakPort} is taken; stop what uses it, or set KEYCLOAK_PORT, or point OIDC_ISSUER_URL at a running OpenID Connect provider`,
      );
    fetchKeycloak();
    supervisor.start({
      name: 'keycloak',
      command: 'bash',
      args: [join(root, 'deploy', 'keycloak', 'keycloak.sh'), 'run'],
      env: { ...env, ...keycloakEnv({ port: keycloakPort, dataDir: join(dataDir, 'keycloak') }) },
      color: 94,
    });
    oidcIssuer = keycloakIssuer(keycloakPort);
  }

  let brokers = env.KAFKA_BROKERS;
  if (!brokers) {
    const port = num(env.KAFKA_PORT, 9092);
    if (await isPortOpen(port))
      throw new Error(`Port ${port} is taken; stop what uses it, or set KAFKA_PORT, or point KAFKA_BROKERS at a running broker`);
    fetchKafka();
    supervisor.start({
      name: 'kafka',
      command: 'bash',
      args: [join(root, 'deploy', 'kafka', 'kafka.sh'), 'run'],
      env: {
        ...env,
        KAFKA_PORT: String(port),
        KAFKA_CONTROLLER_PORT: String(num(env.KAFKA_CONTROLLER_PORT, 9093)),
        KAFKA_DATA_DIR: join(dataDir, 'kafka'),
      },
      color: 31,
    });
    brokers = `127.0.0.1:${port}`;
  }
  const kafkaStart = Date.now();
  while (!(await answersMetadata(brokers.split(',')))) {
    if (Date.now() - kafkaStart > 120_000) throw new Error(`Kafka at ${brokers} did not answer within 120 s`);
    await sleep(250);
  }
  supervisor.info(`Kafka ready at ${brokers} in ${((Date.now() - kafkaStart) / 1000).toFixed(1)} s`);
  const created = await provisionTopics(brokers.split(','), num(env.KAFKA_PARTITIONS, 6));
  if (created.length > 0) supervisor.info(`Created topics: ${created.join(', ')}`);

  let databaseUrl = env.DATABASE_URL;
  if (!databaseUrl) {
    const port = num(env.PG_PORT, 5433);
    if (!existsSync(join(dataDir, 'postgres', 'PG_VERSION')) && (await isPortOpen(port))) {
      throw new Error(`Port ${port} is taken; set PG_PORT to a free port or DATABASE_URL to your own database`);
    }
    const pgDir = join(dataDir, 'postgres');
    supervisor.start({ name: 'postgres', ...(await preparePostgres(pgDir, port)), color: 90 });
    await waitForPostgres(embeddedUrl(port));
    databaseUrl = await createDatabase(embeddedUrl(port), 'paritrana');
    supervisor.info(`Embedded PostgreSQL ready on port ${port}`);
  }

  let smtpUrl = env.SMTP_URL;
  const mailWeb = num(env.MAIL_WEB_PORT, 1080);
  if (!smtpUrl) {
    const smtpPort = num(env.MAIL_SMTP_PORT, 1025);
    supervisor.start({
      name: 'mail',
      command: process.execPath,
      args: [
        join(root, 'node_modules', 'maildev', 'bin', 'maildev'),
        '--smtp',
        String(smtpPort),
        '--web',
        String(mailWeb),
        '--ip',
        '127.0.0.1',
        '--silent',
      ],
      color: 35,
    });
    smtpUrl = `smtp://127.0.0.1:${smtpPort}`;
  }

  if (env.OIDC_ISSUER_URL) {
    if (!(await realmReady(oidcIssuer))) supervisor.info(`Warning: ${oidcIssuer} does not answer its discovery document (yet)`);
  } else {
    while (!(await realmReady(oidcIssuer))) {
      if (Date.now() - keycloakStart > 180_000) throw new Error(`Keycloak did not serve ${oidcIssuer} within 180 s; see its log above`);
      await sleep(300);
    }
    supervisor.info(`Keycloak ready at ${oidcIssuer} in ${((Date.now() - keycloakStart) / 1000).toFixed(1)} s`);
  }

  for (const service of SERVICES) {
    supervisor.start({
      name: service.name,
      command: process.execPath,
      args: ['--enable-source-maps', ...SERVICE_NODE_ARGS, join(root, 'dist', 'apps', service.dir, 'src', 'main.js')],
      env: {
        ...env,
        ...SERVICE_ENV,
        PORT: String(service.port),
        KAFKA_BROKERS: brokers,
        DATABASE_URL: databaseUrl,
        SMTP_URL: smtpUrl,
        OIDC_ISSUER_URL: oidcIssuer,
      },
      color: service.color,
    });
  }
  for (const service of SERVICES) await waitReady(service.name, service.port);
  const consolePort = num(env.CONSOLE_PORT, 3000);
  if (await isPortOpen(consolePort)) throw new Error(`Port ${consolePort} is taken; stop what uses it, or set CONSOLE_PORT`);
  const [intake, scoring, ranking, notification] = SERVICES.map((s) => `http://127.0.0.1:${s.port}`);
  supervisor.start({
    name: 'console',
    command: process.execPath,
    args: ['--enable-source-maps', '--max-old-space-size=128', join(root, 'dist', 'apps', 'console', 'src', 'main.js')],
    env: {
      ...env,
      PORT: String(consolePort),
      INTAKE_URL: intake,
      SCORING_URL: scoring,
      RANKING_URL: ranking,
      NOTIFICATION_URL: notification,
      OIDC_ISSUER_URL: oidcIssuer,
    },
    color: 92,
  });
  await waitReady('console', consolePort);
  await loadDemo({
    targets: { intake: `http://127.0.0.1:${SERVICES[0].port}`, scoring: `http://127.0.0.1:${SERVICES[1].port}` },
    log: (line) => supervisor.info(line),
  });

  const lines = [
    `Paritrana Award platform is up in ${((Date.now() - started) / 1000).toFixed(1)} s:`,
    `  console       http://127.0.0.1:${consolePort}  (the web app; sign in with an account below)`,
    ...SERVICES.map((s) => `  ${s.name.padEnd(13)} http://127.0.0.1:${s.port}  (docs /docs, health /health/ready, metrics /metrics)`),
    ...(env.SMTP_URL ? [`  mail          ${smtpUrl}`] : [`  mail inbox    http://127.0.0.1:${mailWeb}  (SMTP ${smtpUrl})`]),
    `  kafka         ${brokers}`,
    `  postgres      ${databaseUrl.replace(/\/\/([^:@/]+):[^@/]+@/, '//$1:***@')}`,
    ...(env.OIDC_ISSUER_URL
      ? [`  sign-in       ${oidcIssuer}  (OIDC_ISSUER_URL)`]
      : [
          `  keycloak      http://127.0.0.1:${keycloakPort}  (realm paritrana; admin console /admin: admin / ${env.KEYCLOAK_ADMIN_PASSWORD ? '***' : 'admin'})`,
          `  sign in as    ${DEMO_ACCOUNTS.join(', ')}  (password paritrana)`,
          `  token         curl -s -d grant_type=password -d client_id=paritrana-cli -d username=kanwil-sumbagsel -d password=paritrana ${oidcIssuer}/protocol/openid-connect/token`,
        ]),
    '  dev token     npm run -s token -- --role secretariat',
    'Press Ctrl-C to stop everything.',
  ];
  supervisor.info(lines.join('\n'));

  async function waitReady(name: string, port: number): Promise<void> {
    const deadline = Date.now() + 180_000;
    for (;;) {
      const status = await fetch(`http://127.0.0.1:${port}/health/ready`).then(
        (r) => r.status,
        () => 0,
      );
      if (status === 200) return supervisor.info(`${name} ready on port ${port}`);
      if (Date.now() > deadline) throw new Error(`${name} was not ready within 180 s; see its log above`);
      await sleep(300);
    }
  }
}

main().catch((error: Error) => {
  process.stderr.write(`make start failed: ${error.message}\n`);
  void shutdown(1);
});
