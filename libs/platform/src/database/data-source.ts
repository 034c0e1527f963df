import { Logger } from '@nestjs/common';
import { DataSource, type DataSourceOptions, type MixedList } from 'typeorm';

export interface ServiceDatabaseOptions {
  url: string;
  /** The service's own schema; its tables and its migrations table live there. */
  schema: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function>;
  poolSize?: number;
}

export function dataSourceOptions(options: ServiceDatabaseOptions): DataSourceOptions {
  return {
    type: 'postgres',
    url: options.url,
    schema: options.schema,
    migrations: options.migrations,
    migrationsTableName: `${options.schema}_migrations`,
    migrationsRun: false,
    synchronize: false,
    extra: { max: options.poolSize ?? 10, connectionTimeoutMillis: 5_000 },
  };
}

/**
 * One lock for every migration of the database, whichever service runs it: replicas booting together
 * (or four services on a fresh database) take turns, so none sees another's half-made schema, type
 * or migrations table. A session lock, held on a connection of its own for the length of the work.
 */
export const MIGRATION_LOCK = 7_461_726_172;

/** Connects, then under the migration lock creates the service's schema when missing and applies its pending migrations. */
export async function initializeServiceDatabase(dataSource: DataSource, schema: string): Promise<DataSource> {
  const logger = new Logger('Database');
  try {
    await dataSource.initialize();
  } catch (error) {
    throw new Error(
      `Cannot connect to Postgres (${(error as Error).message}). Check DATABASE_URL and that the database exists (createdb <name>).`,
      { cause: error },
    );
  }
  const lock = dataSource.createQueryRunner();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await dataSource.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    if (applied.length > 0) logger.log(`Applied migrations to schema ${schema}: ${applied.map((m) => m.name).join(', ')}`);
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await lock.release();
  }
  return dataSource;
}
