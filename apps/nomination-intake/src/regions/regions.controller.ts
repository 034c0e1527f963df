import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RegionsDto, SearchRegionsQuery } from './regions.dto';
import { SearchRegionsUseCase } from './search-regions.use-case';

@ApiTags('regions')
@ApiBearerAuth()
@Controller('v1/regions')
export class RegionsController {
  constructor(private readonly searchRegions: SearchRegionsUseCase) {}

  @Get()
  @ApiOperation({ summary: 'Official regions (Kepmendagri) by province, level and name, to pick a nominee' })
  @ApiOkResponse({ type: RegionsDto })
  search(@Query() query: SearchRegionsQuery): RegionsDto {
    return this.searchRegions.execute(query);
  }
}
