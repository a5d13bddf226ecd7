import { Body, Controller, Get, Header, HttpCode, Post, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiGoneResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { randomBytes } from 'crypto';
import type { FastifyReply } from 'fastify';
import { Public } from '@complaints/platform';
import { answerPage } from './answer-page.html';
import { AnswerLinks } from './answer-links.service';
import {
  AnswerLinkDto,
  AnswerTakenDto,
  AnswerTokenDto,
  SubmitAnswerDto,
} from './dto/submit-answer.dto';

/**
 * The customer's side of the answer link: public (the signed token is the credential), and
 * nothing is shown or taken without a valid one.
 */
@ApiTags('answers')
@Controller()
export class AnswersController {
  constructor(private readonly links: AnswerLinks) {}

  @Get('answer')
  @Public()
  @Header('cache-control', 'no-store')
  @ApiOperation({
    summary: 'The public answer page (Chinese and English) the letter links to',
    description:
      'The token is in the fragment (#t=...), which browsers never send: the page itself holds nothing.',
  })
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'The page' })
  page(@Res({ passthrough: true }) reply: FastifyReply): string {
    const nonce = randomBytes(16).toString('base64');
    reply.type('text/html; charset=utf-8');
    reply.header(
      'content-security-policy',
      `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'nonce-${nonce}'; ` +
        "connect-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'",
    );
    reply.header('referrer-policy', 'no-referrer');
    return answerPage(nonce);
  }

  @Post('v1/answers/lookup')
  @Public()
  @HttpCode(200)
  @Header('cache-control', 'no-store')
  @ApiOperation({
    summary: 'What an answer link is for (reference number, round, language, expiry)',
    description: 'Reveals nothing without a valid, unused, unexpired token.',
  })
  @ApiOkResponse({ type: AnswerLinkDto })
  @ApiNotFoundResponse({ description: 'ANSWER_LINK.INVALID: forged, malformed or unknown' })
  @ApiGoneResponse({ description: 'ANSWER_LINK.USED or ANSWER_LINK.EXPIRED' })
  lookup(@Body() dto: AnswerTokenDto): Promise<AnswerLinkDto> {
    return this.links.lookup(dto.token);
  }

  @Post('v1/answers')
  @Public()
  @HttpCode(202)
  @ApiOperation({
    summary:
      "The customer's answer on the link: rating, solved or not, and whether they ask for a review",
    description:
      'Taken once per link. Published as complaints.feedback-submitted.v1 (callerSystem answer-link, the ' +
      "letter's round, reviewRequested) in the transaction that spends the link; applied like a calling " +
      "system's relayed answer. A refusal records nothing and leaves the link as it was.",
  })
  @ApiAcceptedResponse({ type: AnswerTakenDto })
  @ApiBadRequestResponse({ description: 'A field out of range (rating 1-5, solved, comment)' })
  @ApiNotFoundResponse({ description: 'ANSWER_LINK.INVALID: forged, malformed or unknown' })
  @ApiGoneResponse({ description: 'ANSWER_LINK.USED or ANSWER_LINK.EXPIRED' })
  @ApiConflictResponse({
    description: 'ANSWER_LINK.NOT_AWAITED: the letter no longer awaits an answer',
  })
  submit(@Body() dto: SubmitAnswerDto): Promise<AnswerTakenDto> {
    return this.links.submit(dto);
  }
}
