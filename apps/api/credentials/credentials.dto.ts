import { ApiProperty } from '@nestjs/swagger';
import { IsString, IsUUID, Length, Matches } from 'class-validator';
import { SingleLineText } from '../dto/text-fields';

export class CredentialIdParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id!: string;

  @ApiProperty({ format: 'uuid', description: 'credential id' })
  @IsUUID()
  cid!: string;
}

export class IssueCredentialDto {
  @ApiProperty({ example: 'CI deploy bot', description: 'the owner\'s name for the credential, 1–100 characters' })
  @IsString()
  @Length(1, 100)
  @Matches(/\S/, { message: 'label must not be blank' })
  @SingleLineText()
  label!: string;
}

export class CredentialSecretDto {
  @ApiProperty({ description: 'the secret of an integration credential, `wdn_…`' })
  @IsString()
  @Length(1, 512)
  secret!: string;
}

export class IssuedCredentialDto {
  @ApiProperty({ format: 'uuid' })
  credentialId!: string;

  @ApiProperty({ example: 'wdn_1f2e3d4c_…', description: 'shown this once: Warden keeps only its hash' })
  secret!: string;
}

export class RegeneratedCredentialDto {
  @ApiProperty({ example: 'wdn_5a6b7c8d_…', description: 'the new secret, shown this once; the old one no longer works' })
  secret!: string;
}

export class CredentialSummaryDto {
  @ApiProperty({ format: 'uuid' })
  credentialId!: string;

  @ApiProperty({ example: 'CI deploy bot' })
  label!: string;

  @ApiProperty({ example: 'wdn_1f2e3d4c', description: 'the start of the current secret, to recognise it' })
  prefix!: string;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'when the secret was last regenerated' })
  rotatedAt!: string | null;

  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'last introspection, recorded at most every few minutes' })
  lastUsedAt!: string | null;
}

export class CredentialListDto {
  @ApiProperty({ type: [CredentialSummaryDto] })
  credentials!: CredentialSummaryDto[];
}

export class CredentialIntrospectionDto {
  @ApiProperty()
  active!: boolean;

  @ApiProperty({ format: 'uuid', required: false, description: 'when active' })
  accountId?: string;

  @ApiProperty({ format: 'uuid', required: false, description: 'when active' })
  credentialId?: string;
}
