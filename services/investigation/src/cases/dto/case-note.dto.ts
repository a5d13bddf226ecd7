import { ApiProperty } from '@nestjs/swagger';

export class CaseNoteDto {
  @ApiProperty({ format: 'uuid' })
  noteId: string;

  @ApiProperty({ example: 'h-claims-01' })
  author: string;

  @ApiProperty()
  body: string;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}
