import {
  Body,
  Controller,
  Get,
  Header,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Req,
  Res,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Actor, CurrentActor, Roles } from '@complaints/platform';
import { PostLetterDto, PrintLetterDto, RecordPostingDto } from './dto/post-letter.dto';
import { PostLetters } from './post-letters.service';

/** Who prints and posts letters: the people who work the case. */
const POSTERS = ['handler', 'supervisor', 'complaints_officer'] as const;

@ApiTags('messages')
@Controller('v1/messages/:complaintId/letters')
export class LettersController {
  constructor(private readonly letters: PostLetters) {}

  @Post()
  @HttpCode(201)
  @Roles(...POSTERS)
  @ApiOperation({
    summary: 'Print a message as a PDF letter to post (the proof on the post channel: printed)',
    description:
      'The latest message of the kind, in its language, answer link written out; kept with its SHA-256 ' +
      "(the proof's content hash). Printing again before it is posted returns the same letter. Audited " +
      "(letter.printed). Handlers and supervisors: their own department's complaints only.",
  })
  @ApiCreatedResponse({ type: PostLetterDto })
  @ApiNotFoundResponse({ description: 'No such message to print (or not yours to read)' })
  print(
    @Param('complaintId', new ParseUUIDPipe()) complaintId: string,
    @Body() dto: PrintLetterDto,
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
  ): Promise<PostLetterDto> {
    return this.letters.print(complaintId, dto.kind, actor, request);
  }

  @Get(':letterId')
  @Roles(...POSTERS)
  @Header('cache-control', 'no-store')
  @ApiOperation({ summary: 'The letter as printed (application/pdf); audited (letter.read)' })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The PDF' })
  @ApiNotFoundResponse({ description: 'No such letter (or not yours to read)' })
  async pdf(
    @Param('complaintId', new ParseUUIDPipe()) complaintId: string,
    @Param('letterId', new ParseUUIDPipe()) letterId: string,
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const pdf = await this.letters.pdf(complaintId, letterId, actor, request);
    reply.type('application/pdf');
    reply.header('content-disposition', `inline; filename="letter-${letterId}.pdf"`);
    return pdf;
  }

  @Post(':letterId/posting')
  @HttpCode(200)
  @Roles(...POSTERS)
  @ApiOperation({
    summary: 'Record that the letter was posted, with its registered-mail number',
    description:
      'The number is checked as a UPU S10 item number (check digit included) and may be used once. The ' +
      'proof becomes sent (posted at, the number as its provider id); the message is told. Audited (letter.posted).',
  })
  @ApiOkResponse({ type: PostLetterDto })
  @ApiBadRequestResponse({ description: 'registeredNumber or postedAt malformed' })
  @ApiNotFoundResponse({ description: 'No such letter (or not yours to read)' })
  @ApiConflictResponse({
    description: 'Already posted, or the number is recorded for another letter',
  })
  @ApiUnprocessableEntityResponse({
    description: 'postedAt in the future or before the letter was printed',
  })
  recordPosting(
    @Param('complaintId', new ParseUUIDPipe()) complaintId: string,
    @Param('letterId', new ParseUUIDPipe()) letterId: string,
    @Body() dto: RecordPostingDto,
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
  ): Promise<PostLetterDto> {
    return this.letters.recordPosting(complaintId, letterId, dto, actor, request);
  }
}
