import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CompleteOwnershipVerificationCommand } from '../../../libs/application/protection/complete-ownership-verification.command';
import { ExecuteAccountCommand, type TimelessCommand } from '../../../libs/application/runner/execute-account-command.command';
import { RequestOwnershipVerificationCommand } from '../../../libs/application/protection/request-ownership-verification.command';
import type { CommandOutcome } from '../../../libs/application/runner/account-command-runner';
import { AccountIdParam } from '../dto/account-id.param';
import { EmptyDto, OwnershipCompleteDto, ReasonDto } from '../dto/password.dto';
import { Ctx } from '../http/request-context.decorator';
import type { RequestContext } from '../http/request-context';
import { RequireScope } from '../http/require-scope.decorator';
import { EventPositions } from '../positions/event-positions';
import { metadataOf } from './command-metadata';
import { CommandResponses } from '../http/openapi/route-responses.decorator';
import { AccountStatusDto, AcceptedDto } from '../dto/command.responses';

/** Locks, unlocks and the ownership verification that lifts an unusual-activity lock. */
@ApiTags('account protection')
@Controller('v1')
export class AccountProtectionController {
  constructor(
    private readonly commands: CommandBus,
    private readonly positions: EventPositions,
  ) {}

  @Post('accounts/:id/lock')
  @HttpCode(200)
  @RequireScope('support')
  @CommandResponses({ 200: AccountStatusDto }, 'account_not_found', 'invalid_state')
  lock(@Param() { id }: AccountIdParam, @Body() body: ReasonDto, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) res: Response) {
    return this.run(id, { type: 'LockAccount', note: body.reason }, ctx, res);
  }

  @Post('accounts/:id/unlock')
  @HttpCode(200)
  @RequireScope('support')
  @CommandResponses({ 200: AccountStatusDto }, 'account_not_found', 'invalid_state')
  unlock(@Param() { id }: AccountIdParam, @Body() body: ReasonDto, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) res: Response) {
    return this.run(id, { type: 'UnlockAccount', reason: body.reason }, ctx, res);
  }

  @Post('accounts/:id/ownership-verification')
  @HttpCode(202)
  @RequireScope('auth')
  @CommandResponses({ 202: AcceptedDto }, 'account_not_found', 'invalid_state')
  async requestOwnership(@Param() { id }: AccountIdParam, @Body() _body: EmptyDto, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) res: Response) {
    const outcome = await this.commands.execute<RequestOwnershipVerificationCommand, CommandOutcome>(
      new RequestOwnershipVerificationCommand(id, metadataOf(ctx)),
    );
    await this.positions.set(res, outcome.position);
    return {};
  }

  @Post('ownership-verifications/complete')
  @HttpCode(200)
  @RequireScope('auth')
  @CommandResponses({ 200: AccountStatusDto }, 'invalid_token', 'invalid_code')
  async completeOwnership(@Body() body: OwnershipCompleteDto, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) res: Response) {
    const outcome = await this.commands.execute<CompleteOwnershipVerificationCommand, CommandOutcome & { accountId: string }>(
      new CompleteOwnershipVerificationCommand(body.token, body.code, metadataOf(ctx)),
    );
    return this.positions.answer(res, outcome, outcome.accountId);
  }

  private async run(accountId: string, command: TimelessCommand, ctx: RequestContext, res: Response) {
    const outcome = await this.commands.execute<ExecuteAccountCommand, CommandOutcome>(new ExecuteAccountCommand(accountId, command, metadataOf(ctx)));
    return this.positions.answer(res, outcome, accountId);
  }
}
