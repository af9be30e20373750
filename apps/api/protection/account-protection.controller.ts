import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CompleteOwnershipVerificationCommand } from '@warden/application/protection/complete-ownership-verification.handler';
import { LockAccountCommand } from '@warden/application/protection/lock-account.handler';
import { RequestOwnershipVerificationCommand } from '@warden/application/protection/request-ownership-verification.handler';
import { UnlockAccountCommand } from '@warden/application/protection/unlock-account.handler';
import { AccountIdParam } from '../dto/account-id.param';
import { OwnershipCompleteDto } from './protection.dto';
import { ReasonDto } from '../dto/reason.dto';
import { EmptyDto } from '../dto/empty.dto';
import { accountStatus, answer } from '../http/command-answer';
import { Ctx } from '../http/request-context.decorator';
import type { RequestContext } from '../http/request-context';
import { RequireScope } from '../http/require-scope.decorator';
import { metadataOf } from '../http/command-metadata';
import { CommandResponses } from '../http/openapi/route-responses.decorator';
import { AccountStatusDto, AcceptedDto } from '../dto/command.responses';

/** Locks, unlocks and the ownership verification that lifts an unusual-activity lock. */
@ApiTags('account protection')
@Controller('v1')
export class AccountProtectionController {
  constructor(private readonly commands: CommandBus) {}

  @Post('accounts/:id/lock')
  @HttpCode(200)
  @RequireScope('support')
  @CommandResponses({ 200: AccountStatusDto }, 'account_not_found', 'invalid_state')
  async lock(@Param() { id }: AccountIdParam, @Body() body: ReasonDto, @Ctx() ctx: RequestContext) {
    return accountStatus(await this.commands.execute(new LockAccountCommand(id, { note: body.reason }, metadataOf(ctx))), id);
  }

  @Post('accounts/:id/unlock')
  @HttpCode(200)
  @RequireScope('support')
  @CommandResponses({ 200: AccountStatusDto }, 'account_not_found', 'invalid_state')
  async unlock(@Param() { id }: AccountIdParam, @Body() body: ReasonDto, @Ctx() ctx: RequestContext) {
    return accountStatus(await this.commands.execute(new UnlockAccountCommand(id, { reason: body.reason }, metadataOf(ctx))), id);
  }

  @Post('accounts/:id/ownership-verification')
  @HttpCode(202)
  @RequireScope('auth')
  @CommandResponses({ 202: AcceptedDto }, 'account_not_found', 'invalid_state')
  async requestOwnership(@Param() { id }: AccountIdParam, @Body() _body: EmptyDto, @Ctx() ctx: RequestContext) {
    return answer(await this.commands.execute(new RequestOwnershipVerificationCommand(id, metadataOf(ctx))), {});
  }

  @Post('ownership-verifications/complete')
  @HttpCode(200)
  @RequireScope('auth')
  @CommandResponses({ 200: AccountStatusDto }, 'invalid_token', 'invalid_code', 'too_many_attempts')
  async completeOwnership(@Body() body: OwnershipCompleteDto, @Ctx() ctx: RequestContext) {
    const outcome = await this.commands.execute(new CompleteOwnershipVerificationCommand(body.token, body.code, metadataOf(ctx)));
    return accountStatus(outcome, outcome.accountId);
  }
}
