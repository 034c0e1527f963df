import { Controller, Get, Header, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@paritrana/contracts';
import { ApiCsvResponse, ApiProblems, CurrentPrincipal, Roles } from '@paritrana/platform';
import { AssessmentProgressResponse, ScoreExplanationResponse } from './score.response';
import { ScoresQuery } from './scores.query';

@ApiTags('scores')
@ApiBearerAuth()
@Controller('v1/scores')
export class ScoresController {
  constructor(private readonly scores: ScoresQuery) {}

  @Get('export')
  @Roles('secretariat', 'admin', 'panel-chair')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @ApiOperation({ operationId: 'exportScores', summary: 'A board’s scores as CSV, with every assessor’s scores' })
  @ApiQuery({ name: 'boardId', example: '2024:provincial:15:regency' })
  @ApiCsvResponse(
    'One row per nomination, best first: each criterion’s value, sub-score and contribution, then every current assessor’s scores',
  )
  @ApiProblems({
    403: 'A board outside the token’s scope (PROVINCE_OUT_OF_SCOPE, BOARD_OUT_OF_SCOPE)',
    404: 'A zone board of an edition scoring does not know (EDITION_NOT_FOUND)',
    422: 'No or a malformed boardId (BOARD_ID_INVALID)',
  })
  export(@Query('boardId') boardId: string | undefined, @CurrentPrincipal() principal: Principal): Promise<string> {
    return this.scores.exportCsv(boardId, principal);
  }

  @Get('progress')
  @Roles('secretariat', 'admin', 'panel-chair')
  @ApiOperation({
    operationId: 'getAssessmentProgress',
    summary: 'How far a board’s panel is: per round, the nominations assessed by minAssessors',
  })
  @ApiQuery({ name: 'boardId', example: '2024:provincial:15:regency' })
  @ApiOkResponse({ type: AssessmentProgressResponse })
  @ApiProblems({
    403: 'A board outside the token’s scope (PROVINCE_OUT_OF_SCOPE, BOARD_OUT_OF_SCOPE)',
    404: 'A board of an edition or category scoring does not know (EDITION_NOT_FOUND, BOARD_NOT_FOUND)',
    422: 'No or a malformed boardId (BOARD_ID_INVALID)',
  })
  progress(@Query('boardId') boardId: string | undefined, @CurrentPrincipal() principal: Principal): Promise<AssessmentProgressResponse> {
    return this.scores.progress(boardId, principal);
  }

  @Get(':nominationId')
  @ApiOperation({
    operationId: 'getScore',
    summary: 'Explain a nomination’s score criterion by criterion; secretariat and admin also see each assessor’s scores',
  })
  @ApiParam({ name: 'nominationId', format: 'uuid', example: '6f1c2a7e-3b7d-4f0e-9a51-0c2d7d1e9b44' })
  @ApiOkResponse({ type: ScoreExplanationResponse })
  @ApiProblems({
    403: 'A nomination outside the token’s scope (NOMINATION_OUT_OF_SCOPE)',
    404: 'Not scored (yet), or no such nomination (SCORE_NOT_FOUND)',
  })
  get(@Param('nominationId') nominationId: string, @CurrentPrincipal() principal: Principal): Promise<ScoreExplanationResponse> {
    return this.scores.explain(nominationId, principal);
  }
}
