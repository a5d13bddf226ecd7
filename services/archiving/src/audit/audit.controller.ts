import { Controller, Get, Param, ParseUUIDPipe, Query, Req } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Roles } from '@complaints/platform';
import { AuditQueryService } from './audit-query.service';
import { AuditStore } from './audit-store.service';
import { AuditPageDto } from './dto/audit-entry.dto';
import { AuditQueryDto, ComplaintAuditQueryDto } from './dto/audit-query.dto';

/** The action of an auditor's query of the trail, itself kept in the trail. */
export const AUDIT_QUERIED = 'audit.queried';

/**
 * The audit trail for auditors only. Every query is written to the trail (action
 * `audit.queried`, service archiving, the filters in its details) before it is answered.
 */
@ApiTags('audit')
@Roles('auditor')
@Controller('v1/audit')
export class AuditController {
  constructor(
    private readonly queries: AuditQueryService,
    private readonly store: AuditStore,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'The audit trail of every service, filtered, newest first',
    description:
      'Who changed or read what, when, from where. Filters combine with AND; `actor` matches ' +
      "the token's subject or the username. Page with `limit` (<= 500) and `nextCursor`.",
  })
  @ApiOkResponse({ type: AuditPageDto })
  @ApiBadRequestResponse({ description: 'REQUEST.INVALID: a filter is invalid (named in errors)' })
  search(@Query() query: AuditQueryDto, @Req() request: FastifyRequest): Promise<AuditPageDto> {
    return this.answer(query, request);
  }

  @Get('complaints/:complaintId')
  @ApiOperation({ summary: "One complaint's audit trail, newest first (same filters)" })
  @ApiOkResponse({ type: AuditPageDto })
  @ApiBadRequestResponse({ description: 'REQUEST.INVALID: a filter is invalid (named in errors)' })
  ofComplaint(
    @Param('complaintId', new ParseUUIDPipe()) complaintId: string,
    @Query() query: ComplaintAuditQueryDto,
    @Req() request: FastifyRequest,
  ): Promise<AuditPageDto> {
    return this.answer({ ...query, complaintId }, request);
  }

  private async answer(query: AuditQueryDto, request: FastifyRequest): Promise<AuditPageDto> {
    const page = await this.queries.page(query);
    await this.store.recordOwn(request, {
      action: AUDIT_QUERIED,
      kind: 'read',
      details: filtersOf(query),
    });
    return page;
  }
}

/** The query's filters as the entry's details (strings only; no complainant data in them). */
function filtersOf(query: AuditQueryDto): Record<string, string> {
  const details: Record<string, string> = {};
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null) details[key] = String(value);
  }
  return details;
}
