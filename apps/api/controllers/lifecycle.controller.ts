import { Body, Controller, Delete, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ExecuteAccountCommand, type TimelessCommand } from '../../../libs/application/runner/execute-account-command.command';
import { ScheduleDeletionCommand } from '../../../libs/application/lifecycle/schedule-deletion.command';
import { SubmitAppealCommand } from '../../../libs/application/lifecycle/submit-appeal.command';
import type { SubmitAppealOutcome } from '../../../libs/application/lifecycle/submit-appeal.handler';
import type { CommandOutcome } from '../../../libs/application/runner/account-command-runner';
import { AccountIdParam } from '../dto/account-id.param';
import {
  AppealDecisionDto,
  AppealParams,
  ReinstateAccountDto,
  ScheduleDeletionDto,
  SubmitAppealDto,
  SuspendAccountDto,
} from '../dto/lifecycle.dto';
import { EmptyDto } from '../dto/password.dto';
import { Ctx } from '../http/request-context.decorator';
import type { RequestContext } from '../http/request-context';
import { RequireScope } from '../http/require-scope.decorator';
import { EventPositions } from '../positions/event-positions';
import { metadataOf } from './command-metadata';
import { CommandResponses } from '../http/openapi/route-responses.decorator';
import { AccountStatusDto } from '../dto/command.responses';
import { AppealSubmittedDto } from '../dto/lifecycle.responses';

/** Suspension and appeals (terms violations), and scheduled deletion with crypto-shredding. */
@ApiTags('lifecycle')
@Controller('v1')
export class LifecycleController {
  constructor(
    private readonly commands: CommandBus,
    private readonly positions: EventPositions,
  ) {}

  @Post('accounts/:id/suspend')
  @HttpCode(200)
  @RequireScope('support')
  @CommandResponses({ 200: AccountStatusDto }, 'account_not_found', 'invalid_state')
  suspend(@Param() { id }: AccountIdParam, @Body() body: SuspendAccountDto, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) res: Response) {
    return this.run(id, { type: 'SuspendAccount', reason: body.reason, policyRef: body.policyRef }, ctx, res);
  }

  @Post('accounts/:id/reinstate')
  @HttpCode(200)
  @RequireScope('support')
  @CommandResponses({ 200: AccountStatusDto }, 'account_not_found', 'invalid_state')
  reinstate(@Param() { id }: AccountIdParam, @Body() body: ReinstateAccountDto, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) res: Response) {
    return this.run(id, { type: 'ReinstateAccount', reason: body.reason }, ctx, res);
  }

  @Post('accounts/:id/appeals')
  @HttpCode(201)
  @RequireScope('auth')
  @CommandResponses({ 201: AppealSubmittedDto }, 'account_not_found', 'invalid_state')
  async appeal(@Param() { id }: AccountIdParam, @Body() body: SubmitAppealDto, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) res: Response) {
    const outcome = await this.commands.execute<SubmitAppealCommand, SubmitAppealOutcome>(
      new SubmitAppealCommand(id, body.message, metadataOf(ctx, body.context)),
    );
    await this.positions.set(res, outcome.position);
    return { appealId: outcome.appealId };
  }

  @Post('accounts/:id/appeals/:appealId/decision')
  @HttpCode(200)
  @RequireScope('support')
  @CommandResponses({ 200: AccountStatusDto }, 'appeal_not_found', 'account_not_found', 'invalid_state')
  decideAppeal(
    @Param() { id, appealId }: AppealParams,
    @Body() body: AppealDecisionDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.run(id, { type: 'DecideAppeal', appealId, decision: body.decision, note: body.note }, ctx, res);
  }

  /** A body on DELETE: the reason and ticket are part of the record. */
  @Delete('accounts/:id')
  @HttpCode(202)
  @RequireScope('support')
  @CommandResponses({ 202: AccountStatusDto }, 'account_not_found', 'invalid_state')
  async scheduleDeletion(@Param() { id }: AccountIdParam, @Body() body: ScheduleDeletionDto, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) res: Response) {
    const input = { reason: body.reason, ticketRef: body.ticketRef, graceDays: body.graceDays };
    const outcome = await this.commands.execute<ScheduleDeletionCommand, CommandOutcome>(new ScheduleDeletionCommand(id, input, metadataOf(ctx)));
    return this.positions.answer(res, outcome, id);
  }

  @Post('accounts/:id/deletion/cancel')
  @HttpCode(200)
  @RequireScope('support')
  @CommandResponses({ 200: AccountStatusDto }, 'account_not_found', 'invalid_state')
  cancelDeletion(@Param() { id }: AccountIdParam, @Body() _body: EmptyDto, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) res: Response) {
    return this.run(id, { type: 'CancelDeletion' }, ctx, res);
  }

  private async run(accountId: string, command: TimelessCommand, ctx: RequestContext, res: Response) {
    const outcome = await this.commands.execute<ExecuteAccountCommand, CommandOutcome>(new ExecuteAccountCommand(accountId, command, metadataOf(ctx)));
    return this.positions.answer(res, outcome, accountId);
  }
}
