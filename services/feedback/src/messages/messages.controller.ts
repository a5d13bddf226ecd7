import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Req,
} from '@nestjs/common';
import {
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { timingSafeEqual } from 'crypto';
import type { FastifyRequest } from 'fastify';
import { Actor, AuditTrail, CurrentActor, Public, Roles } from '@complaints/platform';
import { FeedbackConfig } from '../config/feedback.config';
import { DeliveryReceiptDto } from './dto/delivery-receipt.dto';
import { MessageDto } from './dto/message-proof.dto';
import { MessageErrors } from './message.errors';
import { MessageProofs } from './message-proofs.service';

@ApiTags('messages')
@Controller('v1')
export class MessagesController {
  constructor(
    private readonly proofs: MessageProofs,
    private readonly config: FeedbackConfig,
    private readonly audit: AuditTrail,
  ) {}

  @Post('deliveries/sms')
  @HttpCode(204)
  @Public()
  @ApiOperation({
    summary: "The SMS gateway's delivery receipt (delivered, bounced, failed)",
    description:
      'Called by the gateway, with the header x-callback-token set to SMS_CALLBACK_TOKEN. A bounce or failure ' +
      "sends the message again on the customer's next channel.",
  })
  @ApiNoContentResponse({ description: 'Applied (or already applied)' })
  @ApiUnauthorizedResponse({ description: 'Without the callback token' })
  @ApiNotFoundResponse({ description: 'No SMS was sent with that message id' })
  async smsReceipt(
    @Headers('x-callback-token') token: string | undefined,
    @Body() dto: DeliveryReceiptDto,
  ): Promise<void> {
    const expected = Buffer.from(this.config.SMS_CALLBACK_TOKEN);
    const given = Buffer.from(token ?? '');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      throw MessageErrors.badCallbackToken();
    }
    await this.proofs.receipt('sms', dto);
  }

  @Get('messages/untold')
  @Roles('complaints_officer', 'operator', 'auditor')
  @ApiOperation({
    summary: 'Complaints whose customer could not be told, and messages refused for a missing part',
    description: 'Masked addresses and codes only: no personal data.',
  })
  @ApiOkResponse({ type: [MessageDto] })
  untold(): Promise<MessageDto[]> {
    return this.proofs.untold();
  }

  @Get('messages/:complaintId')
  @Roles('complaints_officer', 'auditor', 'supervisor', 'handler')
  @ApiOperation({
    summary: "Every message sent to a complaint's customer, with its proof of notification",
    description:
      'Channel, masked address, content hash, template and version, sent at, provider id, delivery status. ' +
      "Audited (messages.read). Handlers and supervisors see their own department's complaints only.",
  })
  @ApiOkResponse({ type: [MessageDto] })
  @ApiNotFoundResponse({ description: 'No message for the complaint (or not yours to read)' })
  async ofComplaint(
    @Param('complaintId', new ParseUUIDPipe()) complaintId: string,
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
  ): Promise<MessageDto[]> {
    const messages = await this.proofs.ofComplaint(complaintId, actor);
    await this.audit.recordRead(request, { action: 'messages.read', kind: 'read', complaintId });
    return messages;
  }
}
