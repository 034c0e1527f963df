import { Controller, Get, Header, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiProduces, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@paritrana/contracts';
import { CurrentPrincipal, Roles } from '@paritrana/platform';
import { ScoresQuery } from './scores.query';

@ApiTags('scores')
@ApiBearerAuth()
@Controller('v1/scores')
export class ScoresController {
  constructor(private readonly scores: ScoresQuery) {}

  @Get('export')
  @Roles('secretariat', 'admin', 'panel-chair')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @ApiOperation({ summary: 'A board’s scores as CSV, with every assessor’s scores' })
  @ApiQuery({ name: 'boardId', example: '2024:provincial:15:regency' })
  @ApiProduces('text/csv')
  export(@Query('boardId') boardId: string | undefined, @CurrentPrincipal() principal: Principal): Promise<string> {
    return this.scores.exportCsv(boardId, principal);
  }

  @Get(':nominationId')
  @ApiOperation({ summary: 'Explain a nomination’s score criterion by criterion; secretariat and admin also see each assessor’s scores' })
  @ApiParam({ name: 'nominationId', format: 'uuid', example: '6f1c2a7e-3b7d-4f0e-9a51-0c2d7d1e9b44' })
  @ApiResponse({ status: 404, description: 'Not scored (yet), no such nomination, or not one you may see' })
  get(@Param('nominationId') nominationId: string, @CurrentPrincipal() principal: Principal) {
    return this.scores.explain(nominationId, principal);
  }
}
