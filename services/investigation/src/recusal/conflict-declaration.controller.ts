import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Actor, CurrentActor, Roles } from '@complaints/platform';
import { CaseDto } from '../cases/dto/case.dto';
import { ConflictDeclarationService } from './conflict-declaration.service';
import { DeclareConflictDto } from './dto/declare-conflict.dto';

@ApiTags('cases')
@Controller('v1/cases')
export class ConflictDeclarationController {
  constructor(private readonly declarations: ConflictDeclarationService) {}

  @Post(':complaintId/conflict-of-interest')
  @HttpCode(200)
  @Roles('handler')
  @ApiOperation({
    summary: 'Declare a conflict of interest on the case you hold; it goes to a colleague',
    description:
      'The assigned handler only. They are recused from the case for good; it goes to the least ' +
      'loaded colleague who may hold it (never the person complained about). Publishes ' +
      'complaints.assigned.v1 (reassigned, conflictOfInterest) and the audit entry ' +
      '(case.conflict-declared) in the same transaction.',
  })
  @ApiOkResponse({ type: CaseDto, description: 'The case as it is held now' })
  @ApiBadRequestResponse({ description: 'Missing or invalid reason (REQUEST.INVALID)' })
  @ApiForbiddenResponse({
    description: 'Not the handler the case is assigned to (CASE.NOT_ASSIGNED)',
  })
  @ApiNotFoundResponse({ description: 'No case, or one of another department (CASE.NOT_FOUND)' })
  @ApiConflictResponse({
    description:
      'The round is decided (CASE.ALREADY_DECIDED), already declared (RECUSAL.ALREADY_DECLARED), ' +
      'or nobody else may take it (RECUSAL.NO_HANDLER_LEFT)',
  })
  declare(
    @CurrentActor() actor: Actor,
    @Param('complaintId', new ParseUUIDPipe()) complaintId: string,
    @Body() dto: DeclareConflictDto,
    @Req() request: FastifyRequest,
  ): Promise<CaseDto> {
    return this.declarations.declare(actor, complaintId, dto, request);
  }
}
