import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ResponseDto } from './dto/response.dto';
import { ResponsesService } from './responses.service';

@ApiTags('responses')
@Controller('v1/responses')
export class ResponsesController {
  constructor(private readonly responses: ResponsesService) {}

  @Get(':complaintId')
  @ApiOperation({
    summary: 'The latest response sent for a complaint, and where its survey stands',
  })
  @ApiOkResponse({ type: ResponseDto })
  @ApiNotFoundResponse({ description: 'No response has been sent for the complaint' })
  latest(@Param('complaintId', new ParseUUIDPipe()) complaintId: string): Promise<ResponseDto> {
    return this.responses.latest(complaintId);
  }
}
