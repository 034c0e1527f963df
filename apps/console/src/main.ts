import 'reflect-metadata';
import { loadConsoleEnv } from './config/env';
import { startConsole } from './start-console';

startConsole(loadConsoleEnv()).catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
