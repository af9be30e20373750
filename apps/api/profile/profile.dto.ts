import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, Length, Matches, MaxLength } from 'class-validator';
import { SingleLineText, TrimmedEmail } from '../dto/text-fields';

/** The registration rule for usernames (RegisterAccountDto): 3–32 letters, digits, dots, dashes, underscores. */
export const USERNAME_PATTERN = /^[\p{L}\p{N}._-]{3,32}$/u;
const USERNAME_MESSAGE = 'username must be 3–32 letters, digits, dots, dashes or underscores';

export class ChangeProfileDto {
  @ApiProperty({ example: 'Ann Lee', description: '1–100 characters, not only spaces; stored trimmed' })
  @IsString()
  @Length(1, 100)
  @Matches(/\S/, { message: 'displayName must not be blank' })
  @SingleLineText()
  displayName!: string;
}

export class ChangeUsernameDto {
  @ApiProperty({ example: 'ann', description: 'Unique case-insensitively. 3–32 letters, digits, dots, dashes or underscores' })
  @IsString()
  @Matches(USERNAME_PATTERN, { message: USERNAME_MESSAGE })
  username!: string;
}

export class UsernameParam {
  @ApiProperty({ example: 'admin', description: USERNAME_MESSAGE })
  @IsString()
  @Matches(USERNAME_PATTERN, { message: USERNAME_MESSAGE })
  username!: string;
}

export class RequestEmailChangeDto {
  @ApiProperty({ example: 'ann.new@example.com' })
  @IsEmail()
  @MaxLength(254)
  @TrimmedEmail()
  newEmail!: string;

  @ApiProperty({ description: 'The current password, to confirm it is the owner asking' })
  @IsString()
  @Length(1, 1024)
  password!: string;
}
