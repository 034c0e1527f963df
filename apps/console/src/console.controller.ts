import { Controller, Get, Header, Inject } from '@nestjs/common';
import { ConsoleEnv } from './config/env';
import { runtimeConfig, type RuntimeConfig } from './config/runtime-config';

@Controller()
export class ConsoleController {
  constructor(@Inject(ConsoleEnv) private readonly env: ConsoleEnv) {}

  @Get('config.json')
  @Header('cache-control', 'no-store')
  config(): RuntimeConfig {
    return runtimeConfig(this.env);
  }

  @Get('health/live')
  live() {
    return { status: 'ok' };
  }

  /** Ready once started: the app is built (checked at boot) and the proxy needs no connection of its own. */
  @Get('health/ready')
  ready() {
    return { status: 'ok' };
  }
}
