import { Module, type DynamicModule } from '@nestjs/common';
import { ConsoleController } from './console.controller';
import { ConsoleEnv } from './config/env';

@Module({})
export class ConsoleModule {
  static forRoot(env: ConsoleEnv): DynamicModule {
    return { module: ConsoleModule, controllers: [ConsoleController], providers: [{ provide: ConsoleEnv, useValue: env }] };
  }
}
