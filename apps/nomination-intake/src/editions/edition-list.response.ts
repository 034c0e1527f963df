import { ApiProperty } from '@nestjs/swagger';
import type { EditionDefinition } from '@paritrana/contracts';
import { EditionDefinitionDto } from './edition-definition.dto';

export class EditionListResponse {
  @ApiProperty({ type: [EditionDefinitionDto], description: 'The newest award year first' })
  editions!: EditionDefinition[];
}
