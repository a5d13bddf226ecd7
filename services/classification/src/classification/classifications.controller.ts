import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ClassificationService } from './classification.service';
import { ClassificationDto } from './dto/classification.dto';
import { ClassifyRequestDto } from './dto/classify-request.dto';
import { ClassifyResultDto } from './dto/classify-result.dto';

@ApiTags('classification')
@Controller('v1')
export class ClassificationsController {
  constructor(private readonly classifications: ClassificationService) {}

  @Post('classify')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Try the rules on a complaint',
    description:
      'Answers how the rules in force would classify and route this text. Stores nothing, publishes nothing.',
  })
  @ApiOkResponse({ type: ClassifyResultDto })
  @ApiBadRequestResponse({ description: 'Invalid fields (problem+json)' })
  classify(@Body() dto: ClassifyRequestDto): ClassifyResultDto {
    return this.classifications.evaluate(dto);
  }

  @Get('classifications/:complaintId')
  @ApiOperation({ summary: "A complaint's stored classification and deadlines" })
  @ApiOkResponse({ type: ClassificationDto })
  @ApiNotFoundResponse({ description: 'The complaint has not been classified (problem+json)' })
  find(@Param('complaintId', new ParseUUIDPipe()) complaintId: string): Promise<ClassificationDto> {
    return this.classifications.find(complaintId);
  }
}
