import { Body, Controller, Get, HttpCode, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DomainError, Roles } from '@complaints/platform';
import { PolicyCountsDto, PolicyCountsQueryDto } from './dto/policy-counts.dto';
import { PolicyCount, PolicyCountsRepository } from './policy-counts.repository';

/** The insurer's denominators: loaded by analysts or complaints officers, read by the readers. */
@ApiTags('reference data')
@Controller('v1/reference/policy-counts')
export class PolicyCountsController {
  constructor(private readonly policies: PolicyCountsRepository) {}

  @Put()
  @HttpCode(200)
  @Roles('analyst', 'complaints_officer')
  @ApiOperation({
    summary: 'Load policies in force per product line, region and period',
    description:
      'The whole body is checked first: a bad row (REQUEST.INVALID naming rows.<i>.<field>) or ' +
      'a key given twice (422 REFERENCE.DUPLICATE_ROW) loads nothing. Rows replace the ones ' +
      'with the same product line, region and period.',
  })
  @ApiOkResponse({ description: '{ "loaded": n }' })
  async load(@Body() body: PolicyCountsDto): Promise<{ loaded: number }> {
    const seen = new Map<string, number>();
    body.rows.forEach((r, i) => {
      const key = `${r.productLine}|${r.region ?? ''}|${r.period}`;
      const first = seen.get(key);
      if (first !== undefined)
        throw new DomainError(
          'REFERENCE.DUPLICATE_ROW',
          422,
          `Row ${i} repeats row ${first} (same productLine, region and period); nothing was loaded.`,
          [{ field: `rows.${i}`, reason: `repeats rows.${first}` }],
        );
      seen.set(key, i);
    });
    return { loaded: await this.policies.load(body.rows) };
  }

  @Get()
  @Roles('analyst', 'auditor', 'complaints_officer')
  @ApiOperation({ summary: 'The policy counts loaded, optionally for one period' })
  list(@Query() query: PolicyCountsQueryDto): Promise<PolicyCount[]> {
    return this.policies.list(query.period);
  }
}
