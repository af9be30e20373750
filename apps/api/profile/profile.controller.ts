import { Body, Controller, Delete, HttpCode, Param, Patch, Post, Put } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { ChangeDisplayNameCommand } from '@warden/application/profile/change-display-name.handler';
import { ChangeUsernameCommand } from '@warden/application/profile/change-username.handler';
import { ConfirmEmailChangeCommand } from '@warden/application/profile/confirm-email-change.handler';
import { RequestEmailChangeCommand } from '@warden/application/profile/request-email-change.handler';
import { LockUsernameCommand } from '@warden/application/profile/lock-username.handler';
import { UnlockUsernameCommand } from '@warden/application/profile/unlock-username.handler';
import { AccountIdParam } from '../dto/account-id.param';
import { TokenDto } from '../dto/token.dto';
import { ReasonDto } from '../dto/reason.dto';
import { ChangeProfileDto, ChangeUsernameDto, RequestEmailChangeDto, UsernameParam } from './profile.dto';
import { Ctx } from '../http/request-context.decorator';
import type { RequestContext } from '../http/request-context';
import { RequireScope } from '../http/require-scope.decorator';
import { accountStatus, answer } from '../http/command-answer';
import { metadataOf } from '../http/command-metadata';
import { CommandResponses } from '../http/openapi/route-responses.decorator';
import { AccountStatusDto, AcceptedDto } from '../dto/command.responses';
import { UsernameLockDto } from './profile.responses';

/** Display name, username (and support's username locks), email address changes. */
@ApiTags('profile')
@Controller('v1')
export class ProfileController {
  constructor(private readonly commands: CommandBus) {}

  @Patch('accounts/:id/profile')
  @HttpCode(200)
  @RequireScope('auth')
  @CommandResponses({ 200: AccountStatusDto }, 'account_not_found', 'invalid_state')
  async changeProfile(@Param() { id }: AccountIdParam, @Body() body: ChangeProfileDto, @Ctx() ctx: RequestContext) {
    return accountStatus(await this.commands.execute(new ChangeDisplayNameCommand(id, body.displayName, metadataOf(ctx))), id);
  }

  @Put('accounts/:id/username')
  @HttpCode(200)
  @RequireScope('auth')
  @CommandResponses({ 200: AccountStatusDto }, 'username_taken', 'username_locked', 'account_not_found', 'invalid_state')
  async changeUsername(@Param() { id }: AccountIdParam, @Body() body: ChangeUsernameDto, @Ctx() ctx: RequestContext) {
    return accountStatus(await this.commands.execute(new ChangeUsernameCommand(id, body.username, metadataOf(ctx))), id);
  }

  @Post('accounts/:id/email-changes')
  @HttpCode(202)
  @RequireScope('auth')
  @CommandResponses({ 202: AcceptedDto }, 'invalid_credentials', 'too_many_attempts', 'email_taken', 'password_disabled', 'account_not_found', 'invalid_state')
  async requestEmailChange(@Param() { id }: AccountIdParam, @Body() body: RequestEmailChangeDto, @Ctx() ctx: RequestContext) {
    return answer(await this.commands.execute(new RequestEmailChangeCommand(id, body.newEmail, body.password, metadataOf(ctx))), {});
  }

  @Post('email-changes/confirm')
  @HttpCode(200)
  @RequireScope('auth')
  @CommandResponses({ 200: AccountStatusDto }, 'invalid_token', 'email_taken', 'password_disabled', 'invalid_state')
  async confirmEmailChange(@Body() body: TokenDto, @Ctx() ctx: RequestContext) {
    const outcome = await this.commands.execute(new ConfirmEmailChangeCommand(body.token, metadataOf(ctx)));
    return accountStatus(outcome, outcome.accountId);
  }

  @Put('usernames/:username/lock')
  @HttpCode(200)
  @RequireScope('support')
  @CommandResponses({ 200: UsernameLockDto }, 'username_taken')
  async lockUsername(@Param() { username }: UsernameParam, @Body() _body: ReasonDto, @Ctx() ctx: RequestContext) {
    return answer(await this.commands.execute(new LockUsernameCommand(username, metadataOf(ctx))), { username, locked: true });
  }

  @Delete('usernames/:username/lock')
  @HttpCode(204)
  @RequireScope('support')
  @CommandResponses({ 204: null }, 'username_not_locked')
  async unlockUsername(@Param() { username }: UsernameParam, @Ctx() ctx: RequestContext) {
    return answer(await this.commands.execute(new UnlockUsernameCommand(username, metadataOf(ctx))));
  }
}
