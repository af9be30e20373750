import { ApiProperty } from '@nestjs/swagger';

/** The account statuses of contract §3. */
export const ACCOUNT_STATUSES = ['pending_verification', 'active', 'locked', 'suspended', 'deletion_scheduled', 'deleted'] as const;

/** The usual answer of a command that changes an account (contract §2): `{accountId, status}`. */
export class AccountStatusDto {
  @ApiProperty({ format: 'uuid' })
  accountId!: string;

  @ApiProperty({ enum: ACCOUNT_STATUSES, description: 'the status after the command' })
  status!: string;
}

/** `202` answers that say nothing more (resend, password reset request…): an empty object. */
export class AcceptedDto {}
