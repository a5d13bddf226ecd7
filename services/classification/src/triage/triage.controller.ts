import { Controller, Get, Query } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { Roles } from '@complaints/platform';
import { Classification } from '../classification/classification.entity';
import { TriageListDto } from './dto/triage-item.dto';
import { TriageQueryDto } from './dto/triage-query.dto';

@ApiTags('classification')
@Controller('v1/triage')
export class TriageController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The triage queue: complaints routed to the complaints office because the classifier's
   * primary class was below the threshold, not yet given a class by an officer (a correction
   * takes a complaint off the queue). No complaint text: the officer opens the complaint.
   */
  @Get()
  @Roles('complaints_officer')
  @ApiOperation({
    summary: 'Complaints the classifier was unsure of, waiting for an officer',
    description:
      'Oldest first. Correcting the class (POST /v1/classifications/:id/correction) takes one off the queue.',
  })
  @ApiOkResponse({ type: TriageListDto })
  @ApiBadRequestResponse({ description: 'limit is not 1..200 (problem+json)' })
  async list(@Query() query: TriageQueryDto): Promise<TriageListDto> {
    const rows = await this.dataSource
      .getRepository(Classification)
      .createQueryBuilder('c')
      .where('c.triage')
      .andWhere(
        'NOT EXISTS (SELECT 1 FROM classification_label l WHERE l.complaint_id = c.complaint_id)',
      )
      .orderBy('c.classified_at', 'ASC')
      .addOrderBy('c.complaint_id', 'ASC')
      .limit(query.limit)
      .getMany();
    return {
      items: rows.map((c) => ({
        complaintId: c.complaintId,
        category: c.category,
        subcategory: c.subcategory,
        ...(c.secondaryCategory ? { secondaryCategory: c.secondaryCategory } : {}),
        probabilities:
          c.classProbabilities ?? ({} as TriageListDto['items'][number]['probabilities']),
        probability: c.modelConfidence ?? 0,
        modelVersion: c.modelVersion ?? '',
        priority: c.priority,
        greenChannel: c.greenChannel,
        decisionDueAt: c.decisionDueAt.toISOString(),
        classifiedAt: c.classifiedAt.toISOString(),
      })),
    };
  }
}
