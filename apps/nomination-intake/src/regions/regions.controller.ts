import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '@paritrana/platform';
import { SearchRegionsQuery } from './regions.dto';
import { RegionsResponse } from './regions.response';
import { SearchRegionsUseCase } from './search-regions.use-case';

@ApiTags('regions')
@ApiBearerAuth()
@Controller('v1/regions')
export class RegionsController {
  constructor(private readonly searchRegions: SearchRegionsUseCase) {}

  @Get()
  @ApiOperation({
    operationId: 'searchRegions',
    summary: 'Official regions (Kepmendagri) by province, level and name, to pick a nominee',
  })
  @ApiOkResponse({ type: RegionsResponse })
  @ApiProblems({ 422: 'Invalid filters' })
  search(@Query() query: SearchRegionsQuery): RegionsResponse {
    return this.searchRegions.execute(query);
  }
}
