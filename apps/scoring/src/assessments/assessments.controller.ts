import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@paritrana/contracts';
import { CurrentPrincipal, Roles } from '@paritrana/platform';
import { AssessmentRecordedDto, RecordAssessmentDto } from './assessment.dto';
import { RecordAssessmentUseCase } from './record-assessment.use-case';

@ApiTags('assessments')
@ApiBearerAuth()
@Controller('v1/assessments')
export class AssessmentsController {
  constructor(private readonly recordAssessment: RecordAssessmentUseCase) {}

  @Post()
  @HttpCode(201)
  @Roles('assessor')
  @ApiOperation({ summary: 'Score a nomination in an assessment round; a new assessment supersedes your earlier one of that round' })
  @ApiResponse({ status: 201, type: AssessmentRecordedDto })
  @ApiResponse({ status: 403, description: 'A nomination you may see but not assess: the national round is the national jury’s' })
  @ApiResponse({
    status: 404,
    description: 'No such nomination, or not one of your provinces (or, without provinces, of the national round)',
  })
  @ApiResponse({ status: 409, description: 'The nomination was withdrawn' })
  @ApiResponse({ status: 422, description: 'Unknown round or criterion, missing or out-of-range score' })
  record(@Body() body: RecordAssessmentDto, @CurrentPrincipal() principal: Principal): Promise<AssessmentRecordedDto> {
    return this.recordAssessment.execute({ ...body, by: principal });
  }
}
