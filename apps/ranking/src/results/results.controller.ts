import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ApiProblems, Public } from '@paritrana/platform';
import { ListResultsUseCase } from './list-results.use-case';
import { ResultsResponse } from './results.response';

/** The published winners, for anyone: a press release links to them. */
@ApiTags('results')
@Controller('v1/results')
export class ResultsController {
  constructor(private readonly listResults: ListResultsUseCase) {}

  @Get()
  @Public()
  @ApiOperation({
    operationId: 'listResults',
    summary: 'Public, no token: the winners of every published board of an edition (no contacts, nothing unpublished)',
  })
  @ApiQuery({ name: 'edition', required: false, example: '2024', description: 'Default: the newest edition with a published board' })
  @ApiOkResponse({ type: ResultsResponse })
  @ApiProblems({ 404: 'Nothing of that edition published yet (RESULTS_NOT_FOUND)' })
  list(@Query('edition') edition?: string): Promise<ResultsResponse> {
    return this.listResults.execute({ edition });
  }
}
