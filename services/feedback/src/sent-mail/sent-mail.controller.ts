import { Controller, Get, Header, Inject, Query } from '@nestjs/common';
import {
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Logger } from 'pino';
import { Actor, CurrentActor, ROOT_LOGGER, Roles } from '@complaints/platform';
import { SentMailDto, SentMailQueryDto } from './sent-mail.dto';
import { SentMail } from './sent-mail.service';

@ApiTags('messages')
@Controller('v1/sent-mail')
export class SentMailController {
  constructor(
    private readonly sentMail: SentMail,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {}

  @Get()
  @Roles('complaints_officer', 'auditor')
  @Header('cache-control', 'no-store')
  @ApiOperation({
    summary: 'What the local mail sink received (newest first): the workbench\'s "sent mail" view',
    description:
      'Complaints officers and auditors. Addresses, subjects and texts as received (answer-link tokens hidden). ' +
      'Each read is logged with the reader (the audit trail is per complaint; the sink is not). 404 SENT_MAIL.NO_SINK where MAIL_SINK_URL is empty (a real mail provider).',
  })
  @ApiOkResponse({ type: [SentMailDto] })
  @ApiNotFoundResponse({ description: 'SENT_MAIL.NO_SINK' })
  @ApiServiceUnavailableResponse({ description: 'SENT_MAIL.SINK_UNAVAILABLE' })
  async list(
    @Query() query: SentMailQueryDto,
    @CurrentActor() actor: Actor,
  ): Promise<SentMailDto[]> {
    const mail = await this.sentMail.list(query.to);
    // Who read how much, never what or whose.
    this.logger.info(
      { reader: actor.subject, count: mail.length, filtered: Boolean(query.to) },
      'sent mail read',
    );
    return mail;
  }
}
