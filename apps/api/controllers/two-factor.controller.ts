import { Body, Controller, Delete, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import {
  CompleteAccountRecoveryCommand,
  DecideRecoveryCaseCommand,
  RequestAccountRecoveryCommand,
} from '../../../libs/application/recovery/account-recovery.commands';
import type { RecoveryOutcome } from '../../../libs/application/recovery/account-recovery.handlers';
import type { CommandOutcome } from '../../../libs/application/runner/account-command-runner';
import { ChangeSecondFactorCommand, ConfirmTotpEnrollmentCommand, StartTotpEnrollmentCommand } from '../../../libs/application/two-factor/totp.commands';
import type { Position } from '../../../libs/shared/envelope';
import { AccountIdParam } from '../dto/account-id.param';
import { CaseIdParam } from '../dto/case-id.param';
import { EmptyDto } from '../dto/password.dto';
import {
  AccountRecoveryCompleteDto,
  AccountRecoveryRequestDto,
  PasswordAndCodeDto,
  RecoveryCaseDecisionDto,
  TotpCodeDto,
} from '../dto/two-factor.dto';
import { Ctx } from '../http/request-context.decorator';
import type { RequestContext } from '../http/request-context';
import { RequireScope } from '../http/require-scope.decorator';
import { overrideStatus } from '../http/response-status';
import { validationFailed } from '../http/validation-failed';
import { EventPositions } from '../positions/event-positions';
import { metadataOf } from './command-metadata';
import { CommandResponses } from '../http/openapi/route-responses.decorator';
import { AccountStatusDto, AcceptedDto } from '../dto/command.responses';
import { RecoveryCaseOpenedDto, RecoveryCodesDto, TotpEnrollmentDto } from '../dto/two-factor.responses';

/** TOTP enrolment, the changes that need a second factor, and lost-device recovery. */
@ApiTags('two-factor authentication')
@Controller('v1')
export class TwoFactorController {
  constructor(
    private readonly commands: CommandBus,
    private readonly positions: EventPositions,
  ) {}

  @Post('accounts/:id/totp/enrollments')
  @HttpCode(201)
  @RequireScope('auth')
  @CommandResponses({ 201: TotpEnrollmentDto }, 'account_not_found', 'invalid_state')
  async enrol(@Param() { id }: AccountIdParam, @Body() _body: EmptyDto, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) res: Response) {
    const { position, ...enrolment } = await this.commands.execute<StartTotpEnrollmentCommand, { secret: string; otpauthUri: string; position?: Position }>(
      new StartTotpEnrollmentCommand(id, metadataOf(ctx)),
    );
    await this.positions.set(res, position);
    return enrolment;
  }

  @Post('accounts/:id/totp/enrollments/confirm')
  @HttpCode(200)
  @RequireScope('auth')
  @CommandResponses({ 200: RecoveryCodesDto }, 'invalid_code', 'account_not_found', 'invalid_state')
  async confirm(@Param() { id }: AccountIdParam, @Body() body: TotpCodeDto, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) res: Response) {
    const { position, recoveryCodes } = await this.commands.execute<ConfirmTotpEnrollmentCommand, { recoveryCodes: string[]; position?: Position }>(
      new ConfirmTotpEnrollmentCommand(id, body.code, metadataOf(ctx)),
    );
    await this.positions.set(res, position);
    return { recoveryCodes };
  }

  @Delete('accounts/:id/totp')
  @HttpCode(204)
  @RequireScope('auth')
  @CommandResponses({ 204: null }, 'invalid_credentials', 'invalid_code', 'account_not_found', 'invalid_state')
  async disable(@Param() { id }: AccountIdParam, @Body() body: PasswordAndCodeDto, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) res: Response) {
    await this.changeSecondFactor(new ChangeSecondFactorCommand(id, 'disable', body.password, body.code, metadataOf(ctx)), res);
  }

  @Post('accounts/:id/recovery-codes')
  @HttpCode(200)
  @RequireScope('auth')
  @CommandResponses({ 200: RecoveryCodesDto }, 'invalid_credentials', 'invalid_code', 'account_not_found', 'invalid_state')
  async regenerate(@Param() { id }: AccountIdParam, @Body() body: PasswordAndCodeDto, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) res: Response) {
    const recoveryCodes = await this.changeSecondFactor(
      new ChangeSecondFactorCommand(id, 'regenerate_recovery_codes', body.password, body.code, metadataOf(ctx)),
      res,
    );
    return { recoveryCodes };
  }

  @Post('account-recoveries')
  @HttpCode(202)
  @RequireScope('auth')
  @CommandResponses({ 202: AcceptedDto })
  async requestRecovery(@Body() body: AccountRecoveryRequestDto, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) res: Response) {
    await this.commands.execute(new RequestAccountRecoveryCommand(body.email, metadataOf(ctx, body.context)));
    await this.positions.set(res);
    return {};
  }

  @Post('account-recoveries/complete')
  @HttpCode(200)
  @RequireScope('auth')
  @CommandResponses({ 200: AccountStatusDto, 202: RecoveryCaseOpenedDto }, 'invalid_token', 'invalid_code', 'weak_password', 'invalid_state')
  async completeRecovery(@Body() body: AccountRecoveryCompleteDto, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) res: Response) {
    const withCode = body.recoveryCode !== undefined && body.newPassword !== undefined;
    if (withCode === (body.statement !== undefined) || (body.recoveryCode === undefined) !== (body.newPassword === undefined)) {
      throw validationFailed([{ field: 'statement', message: 'give newPassword with recoveryCode, or a statement' }]);
    }
    const proof = withCode ? { newPassword: body.newPassword!, recoveryCode: body.recoveryCode! } : { statement: body.statement! };
    const outcome = await this.commands.execute<CompleteAccountRecoveryCommand, RecoveryOutcome>(
      new CompleteAccountRecoveryCommand(body.token, proof, metadataOf(ctx)),
    );
    if (outcome.caseId === undefined) return this.positions.answer(res, outcome, outcome.accountId);
    overrideStatus(res, 202);
    await this.positions.set(res, outcome.position);
    return { caseId: outcome.caseId };
  }

  @Post('recovery-cases/:caseId/decision')
  @HttpCode(200)
  @RequireScope('support')
  @CommandResponses({ 200: AccountStatusDto }, 'recovery_case_not_found')
  async decide(@Param() { caseId }: CaseIdParam, @Body() body: RecoveryCaseDecisionDto, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) res: Response) {
    const outcome = await this.commands.execute<DecideRecoveryCaseCommand, CommandOutcome & { accountId: string }>(
      new DecideRecoveryCaseCommand(caseId, body.decision, body.note, metadataOf(ctx)),
    );
    return this.positions.answer(res, outcome, outcome.accountId);
  }

  private async changeSecondFactor(command: ChangeSecondFactorCommand, res: Response): Promise<string[] | undefined> {
    const outcome = await this.commands.execute<ChangeSecondFactorCommand, CommandOutcome & { recoveryCodes?: string[] }>(command);
    await this.positions.set(res, outcome.position);
    return outcome.recoveryCodes;
  }
}
