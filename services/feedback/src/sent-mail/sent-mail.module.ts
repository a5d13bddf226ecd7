import { Module } from '@nestjs/common';
import { SentMailController } from './sent-mail.controller';
import { SentMail } from './sent-mail.service';

/** The local mail sink's listing, behind the service's access rules (workbench "sent mail"). */
@Module({ controllers: [SentMailController], providers: [SentMail] })
export class SentMailModule {}
