import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Actor, CurrentActor, Roles } from '@complaints/platform';
import { CaseReassignmentService } from './case-reassignment.service';
import { CaseDto } from './dto/case.dto';
import { ReassignCaseDto } from './dto/reassign-case.dto';

@ApiTags('cases')
@Controller('v1/cases')
export class CaseAssignmentController {
  constructor(private readonly reassignment: CaseReassignmentService) {}

  @Post(':complaintId/assignment')
  @HttpCode(200)
  @Roles('supervisor', 'complaints_officer')
  @ApiOperation({
    summary: 'Give a case to another handler, with a reason',
    description:
      'Supervisors within their own department; complaints officers across departments (the ' +
      "case moves to the handler's department). Publishes complaints.assigned.v1 (reassigned) " +
      'and the audit entry (case.reassigned) in the same transaction.',
  })
  @ApiOkResponse({ type: CaseDto, description: 'The case as it is held now' })
  @ApiBadRequestResponse({ description: 'Invalid or unknown fields (REQUEST.INVALID)' })
  @ApiNotFoundResponse({
    description: 'No case for this complaint, or one of another department (CASE.NOT_FOUND)',
  })
  @ApiConflictResponse({
    description:
      'The round is decided (CASE.ALREADY_DECIDED), or the handler already holds it there ' +
      '(CASE.ALREADY_ASSIGNED)',
  })
  @ApiUnprocessableEntityResponse({
    description:
      'Unknown (HANDLER.NOT_FOUND) or inactive (HANDLER.INACTIVE) handler; a handler not of the ' +
      'department named (HANDLER.NOT_IN_DEPARTMENT); a supervisor reaching outside their ' +
      'department (ASSIGNMENT.OUTSIDE_DEPARTMENT)',
  })
  reassign(
    @CurrentActor() actor: Actor,
    @Param('complaintId', new ParseUUIDPipe()) complaintId: string,
    @Body() dto: ReassignCaseDto,
    @Req() request: FastifyRequest,
  ): Promise<CaseDto> {
    return this.reassignment.reassign(actor, complaintId, dto, request);
  }
}
