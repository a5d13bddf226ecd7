import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { timingSafeEqual } from 'crypto';
import type { FastifyRequest } from 'fastify';
import { FeedbackConfig } from '../config/feedback.config';
import { MessageErrors } from './message.errors';

/**
 * The gateway's receipts carry `x-callback-token`; anything else is refused 401 before its
 * body is read, so a caller without the token learns nothing about what the route accepts.
 */
@Injectable()
export class SmsCallbackGuard implements CanActivate {
  constructor(private readonly config: FeedbackConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const header = context.switchToHttp().getRequest<FastifyRequest>().headers['x-callback-token'];
    const expected = Buffer.from(this.config.SMS_CALLBACK_TOKEN);
    const given = Buffer.from(typeof header === 'string' ? header : '');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      throw MessageErrors.badCallbackToken();
    }
    return true;
  }
}
