import { Module, type DynamicModule } from '@nestjs/common';
import type { ApiDescription } from '@paritrana/platform';
import { ServiceModule } from '@paritrana/service';
import type { IntakeEnv } from './config/env';
import { AdvancementModule } from './advancement/advancement.module';
import { EditionsModule } from './editions/editions.module';
import { NominationsModule } from './nominations/nominations.module';
import { RegionsModule } from './regions/regions.module';
import { INTAKE_MIGRATIONS } from './migrations';

export const INTAKE_SCHEMA = 'intake';
/** Room for a batch of 1,000 nominations. */
export const INTAKE_BODY_LIMIT = '4mb';

export const INTAKE_API: ApiDescription = {
  title: 'Paritrana nomination intake',
  description: 'Editions and nominations of the Paritrana Award',
};

@Module({})
export class IntakeModule {
  static forRoot(env: IntakeEnv): DynamicModule {
    return {
      module: IntakeModule,
      imports: [
        ServiceModule.forRoot({
          service: 'nomination-intake',
          schema: INTAKE_SCHEMA,
          env,
          audit: true,
          migrations: INTAKE_MIGRATIONS,
        }),
        EditionsModule,
        NominationsModule,
        AdvancementModule,
        RegionsModule,
      ],
    };
  }
}
