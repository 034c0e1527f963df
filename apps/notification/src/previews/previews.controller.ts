import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@paritrana/contracts';
import { ApiProblems, CurrentPrincipal, Roles } from '@paritrana/platform';
import { PreviewBoardDto } from './preview-board.dto';
import { PreviewBoardUseCase } from './preview-board.use-case';
import { BoardPreviewResponse } from './preview.response';

@ApiTags('previews')
@ApiBearerAuth()
@Controller('v1/previews')
export class PreviewsController {
  constructor(private readonly previewBoard: PreviewBoardUseCase) {}

  @Post('board')
  @HttpCode(200)
  @Roles('panel-chair', 'secretariat', 'admin')
  @ApiOperation({
    operationId: 'previewBoardEmails',
    summary: 'Each winner’s email and certificate exactly as publishing the board would send them; nothing is sent or stored',
  })
  @ApiOkResponse({ type: BoardPreviewResponse })
  @ApiProblems({
    403: 'A board outside the token’s scope (BOARD_OUT_OF_SCOPE)',
    404: 'An edition or category notification does not know (BOARD_NOT_FOUND)',
    422: 'A malformed board id or winner (VALIDATION_FAILED, BOARD_ID_INVALID)',
  })
  preview(@Body() body: PreviewBoardDto, @CurrentPrincipal() principal: Principal): Promise<BoardPreviewResponse> {
    return this.previewBoard.execute({ ...body, by: principal });
  }
}
