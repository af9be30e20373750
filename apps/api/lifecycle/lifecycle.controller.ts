import { Body, Controller, Delete, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CancelDeletionCommand } from '@warden/application/lifecycle/cancel-deletion.handler';
import { DecideAppealCommand } from '@warden/application/lifecycle/decide-appeal.handler';
import { ReinstateAccountCommand } from '@warden/application/lifecycle/reinstate-account.handler';
import { SuspendAccountCommand } from '@warden/application/lifecycle/suspend-account.handler';
import { ScheduleDeletionCommand } from '@warden/application/lifecycle/schedule-deletion.handler';
import { SubmitAppealCommand } from '@warden/application/lifecycle/submit-appeal.handler';
import { AccountIdParam } from '../dto/account-id.param';
import {
  AppealDecisionDto,
  AppealParams,
  ReinstateAccountDto,
  ScheduleDeletionDto,
  SubmitAppealDto,
  SuspendAccountDto,
} from './lifecycle.dto';
import { EmptyDto } from '../dto/empty.dto';
import { Ctx } from '../http/request-context.decorator';
import type { RequestContext } from '../http/request-context';
import { RequireScope } from '../http/require-scope.decorator';
import { accountStatus, answer } from '../http/command-answer';
import { metadataOf } from '../http/command-metadata';
import { CommandResponses } from '../http/openapi/route-responses.decorator';
import { AccountStatusDto } from '../dto/command.responses';
import { AppealSubmittedDto } from './lifecycle.responses';

/** Suspension and appeals (terms violations), and scheduled deletion with crypto-shredding. */
@ApiTags('lifecycle')
@Controller('v1')
export class LifecycleController {
  constructor(private readonly commands: CommandBus) {}

  @Post('accounts/:id/suspend')
  @HttpCode(200)
  @RequireScope('support')
  @CommandResponses({ 200: AccountStatusDto }, 'account_not_found', 'invalid_state')
  async suspend(@Param() { id }: AccountIdParam, @Body() body: SuspendAccountDto, @Ctx() ctx: RequestContext) {
    return accountStatus(await this.commands.execute(new SuspendAccountCommand(id, { reason: body.reason, policyRef: body.policyRef }, metadataOf(ctx))), id);
  }

  @Post('accounts/:id/reinstate')
  @HttpCode(200)
  @RequireScope('support')
  @CommandResponses({ 200: AccountStatusDto }, 'account_not_found', 'invalid_state')
  async reinstate(@Param() { id }: AccountIdParam, @Body() body: ReinstateAccountDto, @Ctx() ctx: RequestContext) {
    return accountStatus(await this.commands.execute(new ReinstateAccountCommand(id, { reason: body.reason }, metadataOf(ctx))), id);
  }

  @Post('accounts/:id/appeals')
  @HttpCode(201)
  @RequireScope('auth')
  @CommandResponses({ 201: AppealSubmittedDto }, 'account_not_found', 'invalid_state')
  async appeal(@Param() { id }: AccountIdParam, @Body() body: SubmitAppealDto, @Ctx() ctx: RequestContext) {
    const outcome = await this.commands.execute(new SubmitAppealCommand(id, body.message, metadataOf(ctx, body.context)));
    return answer(outcome, { appealId: outcome.appealId });
  }

  @Post('accounts/:id/appeals/:appealId/decision')
  @HttpCode(200)
  @RequireScope('support')
  @CommandResponses({ 200: AccountStatusDto }, 'appeal_not_found', 'account_not_found', 'invalid_state')
  async decideAppeal(@Param() { id, appealId }: AppealParams, @Body() body: AppealDecisionDto, @Ctx() ctx: RequestContext) {
    return accountStatus(await this.commands.execute(new DecideAppealCommand(id, { appealId, decision: body.decision, note: body.note }, metadataOf(ctx))), id);
  }

  /** A body on DELETE: the reason and ticket are part of the record. */
  @Delete('accounts/:id')
  @HttpCode(202)
  @RequireScope('support')
  @CommandResponses({ 202: AccountStatusDto }, 'account_not_found', 'invalid_state')
  async scheduleDeletion(@Param() { id }: AccountIdParam, @Body() body: ScheduleDeletionDto, @Ctx() ctx: RequestContext) {
    const input = { reason: body.reason, ticketRef: body.ticketRef, graceDays: body.graceDays };
    return accountStatus(await this.commands.execute(new ScheduleDeletionCommand(id, input, metadataOf(ctx))), id);
  }

  @Post('accounts/:id/deletion/cancel')
  @HttpCode(200)
  @RequireScope('support')
  @CommandResponses({ 200: AccountStatusDto }, 'account_not_found', 'invalid_state')
  async cancelDeletion(@Param() { id }: AccountIdParam, @Body() _body: EmptyDto, @Ctx() ctx: RequestContext) {
    return accountStatus(await this.commands.execute(new CancelDeletionCommand(id, {}, metadataOf(ctx))), id);
  }
}
