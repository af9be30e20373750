import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ChangePasswordCommand } from '../../../libs/application/passwords/change-password.command';
import { CompletePasswordResetCommand } from '../../../libs/application/passwords/complete-password-reset.command';
import { ExecuteAccountCommand } from '../../../libs/application/runner/execute-account-command.command';
import { RequestPasswordResetCommand } from '../../../libs/application/passwords/request-password-reset.command';
import type { CommandOutcome } from '../../../libs/application/runner/account-command-runner';
import { AccountIdParam } from '../dto/account-id.param';
import { ChangePasswordDto, PasswordResetCompleteDto, PasswordResetRequestDto, ReasonDto } from '../dto/password.dto';
import { Ctx } from '../http/request-context.decorator';
import type { RequestContext } from '../http/request-context';
import { RequireScope } from '../http/require-scope.decorator';
import { EventPositions } from '../positions/event-positions';
import { metadataOf } from './command-metadata';
import { CommandResponses } from '../http/openapi/route-responses.decorator';
import { AccountStatusDto, AcceptedDto } from '../dto/command.responses';

@ApiTags('passwords')
@Controller('v1')
export class PasswordsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly positions: EventPositions,
  ) {}

  @Post('password-resets')
  @HttpCode(202)
  @RequireScope('auth')
  @CommandResponses({ 202: AcceptedDto })
  async requestReset(@Body() body: PasswordResetRequestDto, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) res: Response) {
    await this.commands.execute(new RequestPasswordResetCommand(body.email, metadataOf(ctx, body.context)));
    await this.positions.set(res);
    return {};
  }

  @Post('password-resets/complete')
  @HttpCode(200)
  @RequireScope('auth')
  @CommandResponses({ 200: AccountStatusDto }, 'invalid_token', 'invalid_code', 'weak_password', 'invalid_state')
  async completeReset(@Body() body: PasswordResetCompleteDto, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) res: Response) {
    const outcome = await this.commands.execute<CompletePasswordResetCommand, CommandOutcome & { accountId: string }>(
      new CompletePasswordResetCommand(body.token, body.newPassword, body.code, metadataOf(ctx)),
    );
    return this.positions.answer(res, outcome, outcome.accountId);
  }

  @Post('accounts/:id/password')
  @HttpCode(204)
  @RequireScope('auth')
  @CommandResponses({ 204: null }, 'invalid_credentials', 'weak_password', 'password_disabled', 'account_not_found', 'invalid_state')
  async change(@Param() { id }: AccountIdParam, @Body() body: ChangePasswordDto, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) res: Response) {
    const outcome = await this.commands.execute<ChangePasswordCommand, CommandOutcome>(
      new ChangePasswordCommand(id, body.currentPassword, body.newPassword, body.keepSessionId ?? null, metadataOf(ctx)),
    );
    await this.positions.set(res, outcome.position);
  }

  @Post('accounts/:id/password/disable')
  @HttpCode(200)
  @RequireScope('support')
  @CommandResponses({ 200: AccountStatusDto }, 'account_not_found', 'invalid_state')
  async disable(@Param() { id }: AccountIdParam, @Body() body: ReasonDto, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) res: Response) {
    const outcome = await this.commands.execute<ExecuteAccountCommand, CommandOutcome>(
      new ExecuteAccountCommand(id, { type: 'DisablePassword', reason: body.reason }, metadataOf(ctx)),
    );
    return this.positions.answer(res, outcome, id);
  }
}
