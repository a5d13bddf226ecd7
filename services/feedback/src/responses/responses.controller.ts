import { Controller, Get, Param, ParseUUIDPipe, Req } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Actor, AuditTrail, CurrentActor, Roles } from '@complaints/platform';
import { ResponseDto } from './dto/response.dto';
import { ResponsesService } from './responses.service';

@ApiTags('responses')
@Controller('v1/responses')
export class ResponsesController {
  constructor(
    private readonly responses: ResponsesService,
    private readonly audit: AuditTrail,
  ) {}

  @Get(':complaintId')
  @Roles('complaints_officer', 'auditor', 'supervisor', 'handler')
  @ApiOperation({
    summary: 'The latest response sent for a complaint, and where its survey stands',
    description:
      'The letter holds personal data: every read is audited (letter.read). Handlers and supervisors read ' +
      "letters of their own department's complaints only; any other answers 404.",
  })
  @ApiOkResponse({ type: ResponseDto })
  @ApiNotFoundResponse({ description: 'No response has been sent for the complaint' })
  async latest(
    @Param('complaintId', new ParseUUIDPipe()) complaintId: string,
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
  ): Promise<ResponseDto> {
    const letter = await this.responses.latest(complaintId, actor);
    await this.audit.recordRead(request, {
      action: 'letter.read',
      kind: 'read',
      complaintId,
      details: { responseId: letter.id, round: String(letter.round) },
    });
    return letter;
  }
}
