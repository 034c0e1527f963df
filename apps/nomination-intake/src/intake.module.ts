import { Module, type DynamicModule } from '@nestjs/common';
import type { ApiDescription } from '@paritrana/platform';
import { ServiceModule } from '@paritrana/service';
import type { IntakeEnv } from './config/env';
import { AdvancementModule } from './advancement/advancement.module';
import { EditionsModule } from './editions/editions.module';
import { CreateIntakeTables1763712000000 } from './migrations/1763712000000-create-intake-tables';
import { AmendmentsIdempotencyAudit1763720000000 } from './migrations/1763720000000-amendments-idempotency-audit';
import { Advancement1763720300000 } from './migrations/1763720300000-advancement';
import { IntakeProcessedEventsByTime1764540000000 } from './migrations/1764540000000-processed-events-by-time';
import { NominationsModule } from './nominations/nominations.module';
import { RegionsModule } from './regions/regions.module';

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
          migrations: [
            CreateIntakeTables1763712000000,
            AmendmentsIdempotencyAudit1763720000000,
            Advancement1763720300000,
            IntakeProcessedEventsByTime1764540000000,
          ],
        }),
        EditionsModule,
        NominationsModule,
        AdvancementModule,
        RegionsModule,
      ],
    };
  }
}
