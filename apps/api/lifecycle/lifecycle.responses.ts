import { ApiProperty } from '@nestjs/swagger';

export class AppealSubmittedDto {
  @ApiProperty({ format: 'uuid' }) appealId!: string;
}
