import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@paritrana/contracts';
import { ApiProblems, CurrentPrincipal, Roles } from '@paritrana/platform';
import { RecordAssessmentDto } from './assessment.dto';
import { AssessmentRecordedResponse } from './assessment.response';
import { RecordAssessmentUseCase } from './record-assessment.use-case';

@ApiTags('assessments')
@ApiBearerAuth()
@Controller('v1/assessments')
export class AssessmentsController {
  constructor(private readonly recordAssessment: RecordAssessmentUseCase) {}

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
}
