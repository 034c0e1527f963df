import { Injectable } from '@nestjs/common';
import { EventTypes, type CloudEvent } from '@paritrana/contracts';
import { OnEvent } from '@paritrana/messaging';
import type { Tx } from '@paritrana/platform';
import { ProjectEditionUseCase } from './project-edition.use-case';

@Injectable()
export class EditionsConsumer {
  constructor(private readonly projectEdition: ProjectEditionUseCase) {}

  @OnEvent(EventTypes.EditionDefined)
  async onEditionDefined(event: CloudEvent<typeof EventTypes.EditionDefined>, tx: Tx): Promise<void> {
    await this.projectEdition.execute(event.data.definition, tx);
  }
}
