import { Controller, Get, Param, ParseUUIDPipe, Req } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Actor, CurrentActor, Roles } from '@complaints/platform';
import { ProblemDto } from '../http/problem.dto';
import { problemResponse } from '../http/problem-response';
import { COMPLAINANT_READERS } from './complaint-access';
import { ComplaintErrors } from './complaint.errors';
import { ComplainantDto } from './dto/complainant.dto';
import { PeopleReads } from './people-reads.service';

/** The complainant's details, for the people handling the case; never for API keys. */
@ApiTags('complaints')
@ApiExtraModels(ProblemDto)
@Controller('v1/complaints')
export class ComplainantController {
  constructor(private readonly people: PeopleReads) {}

  @Get(':id/complainant')
  @ApiResponse(problemResponse(401, 'No access token, or an invalid or expired one'))
  @ApiResponse(
    problemResponse(
      403,
      'A role that may not read complainants (AUTH.ROLE_MISSING), or a handler or supervisor ' +
        'of the department the case is not assigned to (COMPLAINANT.NOT_ASSIGNED)',
    ),
  )
  @Roles(...COMPLAINANT_READERS)
  @ApiOperation({
    summary: "The complainant's details: name, contact, policy number",
    description:
      'For the handler the case is assigned to, complaints officers and auditors. Every read is ' +
      'audited (complainant.read) before the answer; refused attempts too (complainant.read-refused).',
  })
  @ApiOkResponse({ type: ComplainantDto })
  @ApiResponse(problemResponse(400, 'id is not a UUID (REQUEST.INVALID)'))
  @ApiResponse(
    problemResponse(404, 'No such complaint, or not one you may see (COMPLAINT.NOT_FOUND)'),
  )
  complainant(
    @Req() request: FastifyRequest,
    @CurrentActor() actor: Actor,
    @Param('id', new ParseUUIDPipe({ exceptionFactory: () => ComplaintErrors.badId() })) id: string,
  ): Promise<ComplainantDto> {
    return this.people.complainant(actor, request, id);
  }
}
