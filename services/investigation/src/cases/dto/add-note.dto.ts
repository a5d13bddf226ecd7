import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class AddNoteDto {
  @ApiProperty({ example: 'h-claims-01', description: 'Handler id of the author' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  author: string;

  @ApiProperty({ maxLength: 4000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  body: string;
}
