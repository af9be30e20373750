import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { ChangePasswordCommand } from '@warden/application/passwords/change-password.handler';
import { CompletePasswordResetCommand } from '@warden/application/passwords/complete-password-reset.handler';
import { DisablePasswordCommand } from '@warden/application/passwords/disable-password.handler';
import { RequestPasswordResetCommand } from '@warden/application/passwords/request-password-reset.handler';
import { AccountIdParam } from '../dto/account-id.param';
import { ChangePasswordDto, PasswordResetCompleteDto, PasswordResetRequestDto } from './passwords.dto';
import { ReasonDto } from '../dto/reason.dto';
import { accountStatus, answer } from '../http/command-answer';
import { Ctx } from '../http/request-context.decorator';
import type { RequestContext } from '../http/request-context';
import { RequireScope } from '../http/require-scope.decorator';
import { metadataOf } from '../http/command-metadata';
import { CommandResponses } from '../http/openapi/route-responses.decorator';
import { AccountStatusDto, AcceptedDto } from '../dto/command.responses';

@ApiTags('passwords')
@Controller('v1')
export class PasswordsController {
  constructor(private readonly commands: CommandBus) {}

  @Post('password-resets')
  @HttpCode(202)
  @RequireScope('auth')
  @CommandResponses({ 202: AcceptedDto })
  async requestReset(@Body() body: PasswordResetRequestDto, @Ctx() ctx: RequestContext) {
    await this.commands.execute(new RequestPasswordResetCommand(body.email, metadataOf(ctx, body.context)));
    return {};
  }

  @Post('password-resets/complete')
  @HttpCode(200)
  @RequireScope('auth')
  @CommandResponses({ 200: AccountStatusDto }, 'invalid_token', 'invalid_code', 'too_many_attempts', 'weak_password', 'invalid_state')
  async completeReset(@Body() body: PasswordResetCompleteDto, @Ctx() ctx: RequestContext) {
    const outcome = await this.commands.execute(new CompletePasswordResetCommand(body.token, body.newPassword, body.code, metadataOf(ctx)));
    return accountStatus(outcome, outcome.accountId);
  }

  @Post('accounts/:id/password')
  @HttpCode(204)
  @RequireScope('auth')
  @CommandResponses({ 204: null }, 'invalid_credentials', 'too_many_attempts', 'weak_password', 'password_disabled', 'account_not_found', 'invalid_state')
  async change(@Param() { id }: AccountIdParam, @Body() body: ChangePasswordDto, @Ctx() ctx: RequestContext) {
    return answer(await this.commands.execute(new ChangePasswordCommand(id, body.currentPassword, body.newPassword, body.keepSessionId ?? null, metadataOf(ctx))));
  }

  @Post('accounts/:id/password/disable')
  @HttpCode(200)
  @RequireScope('support')
  @CommandResponses({ 200: AccountStatusDto }, 'account_not_found', 'invalid_state')
  async disable(@Param() { id }: AccountIdParam, @Body() body: ReasonDto, @Ctx() ctx: RequestContext) {
    return accountStatus(await this.commands.execute(new DisablePasswordCommand(id, { reason: body.reason }, metadataOf(ctx))), id);
  }
}
