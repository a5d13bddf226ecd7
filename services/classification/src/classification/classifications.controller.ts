import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
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
import { ClassificationCorrectionService } from './classification-correction.service';
import { ClassificationService } from './classification.service';
import { ClassificationDto } from './dto/classification.dto';
import { ClassifyRequestDto } from './dto/classify-request.dto';
import { ClassifyResultDto } from './dto/classify-result.dto';
import { CorrectClassificationDto } from './dto/correct-classification.dto';

@ApiTags('classification')
@Controller('v1')
export class ClassificationsController {
  constructor(
    private readonly classifications: ClassificationService,
    private readonly corrections: ClassificationCorrectionService,
  ) {}

  @Post('classify')
  @HttpCode(200)
  @Roles('complaints_officer', 'supervisor', 'handler')
  @ApiOperation({
    summary: 'Try the classifier and the rules on a complaint',
    description:
      'Answers how the model and rules in force would classify and route this text. Stores nothing, publishes nothing.',
  })
  @ApiOkResponse({ type: ClassifyResultDto })
  @ApiBadRequestResponse({ description: 'Invalid fields (problem+json)' })
  async classify(@Body() dto: ClassifyRequestDto): Promise<ClassifyResultDto> {
    const { classifiedBy: _by, ...result } = await this.classifications.evaluate(dto);
    return result;
  }

  @Get('classifications/:complaintId')
  @Roles('complaints_officer', 'auditor', 'approver', 'supervisor', 'handler')
  @ApiOperation({
    summary: "A complaint's current classification and deadlines",
    description:
      'Handlers and supervisors see complaints of their own department only; any other answers 404.',
  })
  @ApiOkResponse({ type: ClassificationDto })
  @ApiNotFoundResponse({ description: 'The complaint has not been classified (problem+json)' })
  find(
    @Param('complaintId', new ParseUUIDPipe()) complaintId: string,
    @CurrentActor() actor: Actor,
  ): Promise<ClassificationDto> {
    return this.classifications.find(complaintId, actor);
  }

  @Post('classifications/:complaintId/correction')
  @HttpCode(200)
  @Roles('complaints_officer')
  @ApiOperation({
    summary: "Correct a complaint's class and department",
    description:
      "Stores the correction as a label the classifier learns from, makes it the complaint's current class " +
      "and publishes complaints.reclassified.v1. The department defaults to the routing table's for the class.",
  })
  @ApiOkResponse({ type: ClassificationDto })
  @ApiBadRequestResponse({ description: 'Invalid fields (problem+json)' })
  @ApiNotFoundResponse({ description: 'The complaint has not been classified' })
  @ApiConflictResponse({ description: 'The complaint already has this class and department' })
  @ApiUnprocessableEntityResponse({
    description: 'A subcategory or department the rulebook does not know',
  })
  async correct(
    @Param('complaintId', new ParseUUIDPipe()) complaintId: string,
    @Body() dto: CorrectClassificationDto,
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
  ): Promise<ClassificationDto> {
    await this.corrections.correct(complaintId, dto, actor, request);
    return this.classifications.find(complaintId, actor);
  }
}
