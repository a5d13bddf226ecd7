import { Module } from '@nestjs/common';
import { AnswersModule } from '../answers/answers.module';
import { LettersController } from './letters.controller';
import { PostLetters } from './post-letters.service';

/** Post as a channel: letters printed as PDFs, and their registered-mail numbers once posted. */
@Module({
  imports: [AnswersModule],
  controllers: [LettersController],
  providers: [PostLetters],
})
export class LettersModule {}
