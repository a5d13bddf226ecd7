import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ComplaintsService } from './complaints.service';
import { CreateComplaintDto } from './dto/create-complaint.dto';
import { ComplaintAcceptedDto, ComplaintStatusDto } from './dto/complaint-status.dto';

@ApiTags('complaints')
@Controller('v1/complaints')
export class ComplaintsController {
  constructor(private readonly complaints: ComplaintsService) {}

  @Post()
  @HttpCode(202)
  @ApiOperation({
    summary: 'Submit a complaint',
    description:
      'Accepted complaints are stored before the answer and published to complaints.received.v1. ' +
      'The same callerSystem + externalReference again returns the complaint already accepted.',
  })
  @ApiAcceptedResponse({ type: ComplaintAcceptedDto })
  async submit(
    @Body() dto: CreateComplaintDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ComplaintAcceptedDto> {
    const { complaint } = await this.complaints.submit(dto);
    void reply.header('location', `/v1/complaints/${complaint.id}`);
    return complaint;
  }

  @Get(':id')
  @ApiOperation({ summary: "A complaint's current status and when each stage was reached" })
  @ApiOkResponse({ type: ComplaintStatusDto })
  @ApiNotFoundResponse({ description: 'No such complaint' })
  status(@Param('id', new ParseUUIDPipe({ version: '4' })) id: string): Promise<ComplaintStatusDto> {
    return this.complaints.status(id);
  }
}
