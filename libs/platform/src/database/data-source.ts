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

/** Connects, creates the service's schema when missing and applies its pending migrations. */
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
  await dataSource.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  if (applied.length > 0) logger.log(`Applied migrations to schema ${schema}: ${applied.map((m) => m.name).join(', ')}`);
  return dataSource;
}
