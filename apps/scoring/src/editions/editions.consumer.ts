import { Injectable } from '@nestjs/common';
import { EventTypes, type CloudEvent } from '@paritrana/contracts';
import { OnEvent } from '@paritrana/messaging';
import type { EntityManager } from 'typeorm';

@Injectable()
export class EditionsConsumer {
  @OnEvent(EventTypes.EditionDefined)
  async onEditionDefined(event: CloudEvent<typeof EventTypes.EditionDefined>, manager: EntityManager): Promise<void> {
    await manager.query(
      `INSERT INTO scoring.editions (code, definition) VALUES ($1, $2)
       ON CONFLICT (code) DO UPDATE SET definition = EXCLUDED.definition, updated_at = now()`,
      [event.data.definition.code, event.data.definition],
    );
  }
}
