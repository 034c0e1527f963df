import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@paritrana/contracts';
import { ApiProblems, CurrentPrincipal, Roles } from '@paritrana/platform';
import { AssessmentQueueUseCase } from './assessment-queue.use-case';
import { EditionQuery, NominationAssessmentsQueryDto, RecordAssessmentDto } from './assessment.dto';
import {
  AssessmentQueueResponse,
  AssessmentRecordedResponse,
  MyAssessmentsResponse,
  NominationAssessmentsResponse,
} from './assessment.response';
import { MyAssessmentsUseCase } from './my-assessments.use-case';
import { NominationAssessmentsUseCase } from './nomination-assessments.use-case';
import { RecordAssessmentUseCase } from './record-assessment.use-case';

@ApiTags('assessments')
@ApiBearerAuth()
@Controller('v1/assessments')
export class AssessmentsController {
  constructor(
    private readonly recordAssessment: RecordAssessmentUseCase,
    private readonly assessmentQueue: AssessmentQueueUseCase,
    private readonly myAssessments: MyAssessmentsUseCase,
    private readonly nominationAssessments: NominationAssessmentsUseCase,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles('assessor')
  @ApiOperation({
    operationId: 'recordAssessment',
    summary: 'Score a nomination in an assessment round; a new assessment supersedes your earlier one of that round',
  })
  @ApiResponse({ status: 201, type: AssessmentRecordedResponse, description: 'Recorded; the nomination is re-scored at once' })
  @ApiProblems({
    403: 'A nomination outside the token’s scope (NOMINATION_OUT_OF_SCOPE), or one you may see but not assess (ASSESSMENT_OUT_OF_SCOPE)',
    404: 'No such nomination (NOMINATION_NOT_FOUND), or not scored yet',
    409: 'The nomination was withdrawn (NOMINATION_WITHDRAWN)',
    422: 'Unknown round or criterion, missing or out-of-range score',
    503: 'The nomination’s edition has not reached scoring yet (EDITION_NOT_YET_KNOWN); try again',
  })
  record(@Body() body: RecordAssessmentDto, @CurrentPrincipal() principal: Principal): Promise<AssessmentRecordedResponse> {
    return this.recordAssessment.execute({ ...body, by: principal });
  }

  @Get('queue')
  @Roles('assessor')
  @ApiOperation({
    operationId: 'getAssessmentQueue',
    summary: 'Your queue: each nomination of your panel with the rounds it needs and whether you have scored each',
  })
  @ApiOkResponse({ type: AssessmentQueueResponse })
  @ApiProblems({ 404: 'An edition scoring does not know (EDITION_NOT_FOUND)', 422: 'No or a malformed edition' })
  queue(@Query() query: EditionQuery, @CurrentPrincipal() principal: Principal): Promise<AssessmentQueueResponse> {
    return this.assessmentQueue.execute({ edition: query.edition, by: principal });
  }

  @Get('mine')
  @Roles('assessor')
  @ApiOperation({ operationId: 'listMyAssessments', summary: 'Your assessments in an edition, superseded ones included, newest first' })
  @ApiOkResponse({ type: MyAssessmentsResponse })
  @ApiProblems({ 422: 'No or a malformed edition' })
  mine(@Query() query: EditionQuery, @CurrentPrincipal() principal: Principal): Promise<MyAssessmentsResponse> {
    return this.myAssessments.execute({ edition: query.edition, by: principal });
  }

  @Get()
  @Roles('assessor', 'panel-chair', 'secretariat', 'admin')
  @ApiOperation({
    operationId: 'listNominationAssessments',
    summary:
      'A nomination’s assessments, superseded ones included; an assessor sees others’ assessments of a round only once they have scored it',
  })
  @ApiOkResponse({ type: NominationAssessmentsResponse })
  @ApiProblems({
    403: 'A nomination outside the token’s scope (NOMINATION_OUT_OF_SCOPE)',
    404: 'No such nomination in scoring (NOMINATION_NOT_FOUND)',
    422: 'No or a malformed nominationId',
  })
  list(@Query() query: NominationAssessmentsQueryDto, @CurrentPrincipal() principal: Principal): Promise<NominationAssessmentsResponse> {
    return this.nominationAssessments.execute({ nominationId: query.nominationId, by: principal });
  }
}
