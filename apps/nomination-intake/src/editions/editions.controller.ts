import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { EditionDefinition, Principal } from '@paritrana/contracts';
import { ApiProblems, CurrentPrincipal, Roles } from '@paritrana/platform';
import { DefineEditionUseCase } from './define-edition.use-case';
import { EditionDefinitionDto } from './edition-definition.dto';
import { EditionsQuery } from './editions.query';
import { EditionListResponse } from './edition-list.response';

@ApiTags('editions')
@ApiBearerAuth()
@Controller('v1/editions')
export class EditionsController {
  constructor(
    private readonly defineEdition: DefineEditionUseCase,
    private readonly editions: EditionsQuery,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles('secretariat', 'admin')
  @ApiOperation({ operationId: 'defineEdition', summary: 'Define an edition: schedule, zones, categories and their rubrics' })
  @ApiResponse({
    status: 201,
    type: EditionDefinitionDto,
    description: 'Defined; flows to scoring and ranking as paritrana.edition.defined.v1',
  })
  @ApiProblems({
    409: 'An edition with this code exists (EDITION_EXISTS)',
    422: 'Every problem in the definition, each with its path',
  })
  define(@Body() body: EditionDefinitionDto, @CurrentPrincipal() principal: Principal): Promise<EditionDefinition> {
    return this.defineEdition.execute({ definition: body, by: principal });
  }

  @Get()
  @ApiOperation({ operationId: 'listEditions', summary: 'Every edition, the newest award year first' })
  @ApiOkResponse({ type: EditionListResponse })
  list(): Promise<EditionListResponse> {
    return this.editions.list();
  }

  @Get(':code')
  @ApiOperation({ operationId: 'getEdition', summary: 'Read an edition definition' })
  @ApiParam({ name: 'code', example: '2024' })
  @ApiOkResponse({ type: EditionDefinitionDto })
  @ApiProblems({ 404: 'No such edition (EDITION_NOT_FOUND)' })
  get(@Param('code') code: string): Promise<EditionDefinition> {
    return this.editions.get(code);
  }
}
