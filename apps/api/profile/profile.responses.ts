import { ApiProperty } from '@nestjs/swagger';

export class UsernameLockDto {
  @ApiProperty({ example: 'admin' }) username!: string;
  @ApiProperty({ enum: [true] }) locked!: boolean;
}
