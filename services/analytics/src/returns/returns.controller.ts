import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '@complaints/platform';
import { parsePeriod, Period } from '../read-models/periods';
import {
  CnQuarterlyReturn,
  CnQuarterlyReturnService,
  cnReturnCsv,
} from './cn-quarterly-return.service';
import {
  FormatQueryDto,
  HalfYearParamsDto,
  QuarterParamsDto,
  ReturnQueryDto,
} from './dto/return-request.dto';
import { FcaHalfYearlyReturn, FcaReturnService, fcaReturnCsv } from './fca-return.service';

@ApiTags('regulator returns')
@Roles('analyst', 'auditor', 'complaints_officer')
@Controller('v1/returns')
export class ReturnsController {
  constructor(
    private readonly cn: CnQuarterlyReturnService,
    private readonly fca: FcaReturnService,
  ) {}

  @Get('cn-quarterly/:quarter')
  @ApiOperation({
    summary: "China's quarterly complaints view by cause and product line",
    description:
      'Complaints received in the quarter by the regulator cause (sales, claims, surrender, ' +
      'other) and product line, per 100 million yuan of premium, per 10,000 policies and per ' +
      '10,000 insured persons where loaded (notes say what is missing). `format=csv` in the ' +
      'column order of CN_RETURN_COLUMNS.',
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ description: 'The return' })
  async cnQuarterly(
    @Param() params: QuarterParamsDto,
    @Query() query: ReturnQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CnQuarterlyReturn | string> {
    const result = await this.cn.build(parsePeriod(params.quarter) as Period, query.region);
    if (query.format !== 'csv') return result;
    reply.header('content-type', 'text/csv; charset=utf-8');
    reply.header('content-disposition', `attachment; filename="cn-return-${params.quarter}.csv"`);
    return cnReturnCsv(result);
  }

  @Get('fca-half-yearly/:halfYear')
  @ApiOperation({
    summary: "The UK FCA's half-yearly complaints return (DISP 1 Annex 1R shape)",
    description:
      'Per product of the "Insurance & pure protection" grouping: complaints opened in the ' +
      'half-year by main cause, closed within 3 business days, within 8 weeks and after, the ' +
      'percentage upheld and the redress; complaints outstanding at the start. `format=csv` ' +
      'in the column order of FCA_COLUMNS, with a total row.',
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ description: 'The return' })
  async fcaHalfYearly(
    @Param() params: HalfYearParamsDto,
    @Query() query: FormatQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<FcaHalfYearlyReturn | string> {
    const result = await this.fca.build(params.halfYear);
    if (query.format !== 'csv') return result;
    reply.header('content-type', 'text/csv; charset=utf-8');
    reply.header('content-disposition', `attachment; filename="fca-return-${params.halfYear}.csv"`);
    return fcaReturnCsv(result);
  }
}
