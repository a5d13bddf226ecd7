import {
  Body,
  Controller,
  Get,
  UseGuards,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Req,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Actor, AuditTrail, CurrentActor, Public, Roles } from '@complaints/platform';
import { DeliveryReceiptDto } from './dto/delivery-receipt.dto';
import { RecordCallDto } from './dto/record-call.dto';
import { MessageDto } from './dto/message-proof.dto';
import { MessageProofs } from './message-proofs.service';
import { PhoneCalls } from './phone-calls.service';
import { SmsCallbackGuard } from './sms-callback.guard';

@ApiTags('messages')
@Controller('v1')
export class MessagesController {
  constructor(
    private readonly proofs: MessageProofs,
    private readonly calls: PhoneCalls,
    private readonly audit: AuditTrail,
  ) {}

  @Post('deliveries/sms')
  @HttpCode(202)
  @Public()
  @UseGuards(SmsCallbackGuard)
  @ApiOperation({
    summary: "The SMS gateway's delivery receipt (delivered, bounced, failed)",
    description:
      'Called by the gateway, with the header x-callback-token set to SMS_CALLBACK_TOKEN. A bounce or failure ' +
      "sends the message again on the customer's next channel. A receipt that arrives before its send is " +
      'recorded (gateways call back as soon as they accept) is held and applied when the send is: `held`; ' +
      'one held for a day without its send is dropped.',
  })
  @ApiAcceptedResponse({
    description: '{ receipt: "applied" } (or already applied), or { receipt: "held" }',
  })
  @ApiUnauthorizedResponse({ description: 'Without the callback token' })
  async smsReceipt(@Body() dto: DeliveryReceiptDto): Promise<{ receipt: 'applied' | 'held' }> {
    return { receipt: await this.proofs.receipt('sms', dto) };
  }

  @Post('messages/:complaintId/calls')
  @HttpCode(201)
  @Roles('handler', 'supervisor', 'complaints_officer')
  @ApiOperation({
    summary: 'Record a call made to tell the customer what a message says (time, outcome)',
    description:
      "The caller is the token's user. A call that reached the customer tells them (an acknowledgement told " +
      'this way publishes complaints.acknowledged.v1, channel phone). Audited (message.call-recorded). ' +
      "Handlers and supervisors: their own department's complaints only.",
  })
  @ApiCreatedResponse({ description: 'The proof recorded: { proofId, deliveryStatus }' })
  @ApiNotFoundResponse({ description: 'No such message for the complaint (or not yours to read)' })
  recordCall(
    @Param('complaintId', new ParseUUIDPipe()) complaintId: string,
    @Body() dto: RecordCallDto,
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
  ): Promise<{ proofId: string; deliveryStatus: string }> {
    return this.calls.record(complaintId, dto, actor, request);
  }

  @Get('messages/untold')
  @Roles('complaints_officer', 'auditor')
  @ApiOperation({
    summary: 'Complaints whose customer could not be told, and messages refused for a missing part',
    description:
      'Masked addresses and codes only. Operators watch the count instead: complaints_customer_messages' +
      '{status="undeliverable"} on /metrics.',
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
