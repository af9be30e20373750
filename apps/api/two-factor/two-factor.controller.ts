import { Body, Controller, Delete, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CompleteAccountRecoveryCommand } from '@warden/application/recovery/complete-account-recovery.handler';
import { DecideRecoveryCaseCommand } from '@warden/application/recovery/decide-recovery-case.handler';
import { RequestAccountRecoveryCommand } from '@warden/application/recovery/request-account-recovery.handler';
import { ChangeSecondFactorCommand } from '@warden/application/two-factor/change-second-factor.handler';
import { ConfirmTotpEnrollmentCommand } from '@warden/application/two-factor/confirm-totp-enrollment.handler';
import { StartTotpEnrollmentCommand } from '@warden/application/two-factor/start-totp-enrollment.handler';
import { AccountIdParam } from '../dto/account-id.param';
import { CaseIdParam } from './case-id.param';
import { EmptyDto } from '../dto/empty.dto';
import {
  AccountRecoveryCompleteDto,
  AccountRecoveryRequestDto,
  PasswordAndCodeDto,
  RecoveryCaseDecisionDto,
  TotpCodeDto,
} from './two-factor.dto';
import { Ctx } from '../http/request-context.decorator';
import type { RequestContext } from '../http/request-context';
import { RequireScope } from '../http/require-scope.decorator';
import { validationFailed } from '../http/validation-failed';
import { accountStatus, answer } from '../http/command-answer';
import { metadataOf } from '../http/command-metadata';
import { CommandResponses } from '../http/openapi/route-responses.decorator';
import { AccountStatusDto, AcceptedDto } from '../dto/command.responses';
import { RecoveryCaseOpenedDto, RecoveryCodesDto, TotpEnrollmentDto } from './two-factor.responses';

/** TOTP enrolment, the changes that need a second factor, and lost-device recovery. */
@ApiTags('two-factor authentication')
@Controller('v1')
export class TwoFactorController {
  constructor(private readonly commands: CommandBus) {}

  @Post('accounts/:id/totp/enrollments')
  @HttpCode(201)
  @RequireScope('auth')
  @CommandResponses({ 201: TotpEnrollmentDto }, 'account_not_found', 'invalid_state')
  async enrol(@Param() { id }: AccountIdParam, @Body() _body: EmptyDto, @Ctx() ctx: RequestContext) {
    const { position, ...enrolment } = await this.commands.execute(new StartTotpEnrollmentCommand(id, metadataOf(ctx)));
    return answer({ position }, enrolment);
  }

  @Post('accounts/:id/totp/enrollments/confirm')
  @HttpCode(200)
  @RequireScope('auth')
  @CommandResponses({ 200: RecoveryCodesDto }, 'invalid_code', 'account_not_found', 'invalid_state')
  async confirm(@Param() { id }: AccountIdParam, @Body() body: TotpCodeDto, @Ctx() ctx: RequestContext) {
    const { position, recoveryCodes } = await this.commands.execute(new ConfirmTotpEnrollmentCommand(id, body.code, metadataOf(ctx)));
    return answer({ position }, { recoveryCodes });
  }

  @Delete('accounts/:id/totp')
  @HttpCode(204)
  @RequireScope('auth')
  @CommandResponses({ 204: null }, 'invalid_credentials', 'invalid_code', 'too_many_attempts', 'account_not_found', 'invalid_state')
  async disable(@Param() { id }: AccountIdParam, @Body() body: PasswordAndCodeDto, @Ctx() ctx: RequestContext) {
    return answer(await this.commands.execute(new ChangeSecondFactorCommand(id, 'disable', body.password, body.code, metadataOf(ctx))));
  }

  @Post('accounts/:id/recovery-codes')
  @HttpCode(200)
  @RequireScope('auth')
  @CommandResponses({ 200: RecoveryCodesDto }, 'invalid_credentials', 'invalid_code', 'too_many_attempts', 'account_not_found', 'invalid_state')
  async regenerate(@Param() { id }: AccountIdParam, @Body() body: PasswordAndCodeDto, @Ctx() ctx: RequestContext) {
    const outcome = await this.commands.execute(new ChangeSecondFactorCommand(id, 'regenerate_recovery_codes', body.password, body.code, metadataOf(ctx)));
    return answer(outcome, { recoveryCodes: outcome.recoveryCodes });
  }

  @Post('account-recoveries')
  @HttpCode(202)
  @RequireScope('auth')
  @CommandResponses({ 202: AcceptedDto })
  async requestRecovery(@Body() body: AccountRecoveryRequestDto, @Ctx() ctx: RequestContext) {
    await this.commands.execute(new RequestAccountRecoveryCommand(body.email, metadataOf(ctx, body.context)));
    return {};
  }

  @Post('account-recoveries/complete')
  @HttpCode(200)
  @RequireScope('auth')
  @CommandResponses({ 200: AccountStatusDto, 202: RecoveryCaseOpenedDto }, 'invalid_token', 'invalid_code', 'too_many_attempts', 'weak_password', 'invalid_state')
  async completeRecovery(@Body() body: AccountRecoveryCompleteDto, @Ctx() ctx: RequestContext) {
    const withCode = body.recoveryCode !== undefined && body.newPassword !== undefined;
    if (withCode === (body.statement !== undefined) || (body.recoveryCode === undefined) !== (body.newPassword === undefined)) {
      throw validationFailed([{ field: 'statement', message: 'give newPassword with recoveryCode, or a statement' }]);
    }
    const proof = withCode ? { newPassword: body.newPassword!, recoveryCode: body.recoveryCode! } : { statement: body.statement! };
    const outcome = await this.commands.execute(new CompleteAccountRecoveryCommand(body.token, proof, metadataOf(ctx)));
    if (outcome.caseId === undefined) return accountStatus(outcome, outcome.accountId);
    return answer(outcome, { caseId: outcome.caseId }, 202);
  }

  @Post('recovery-cases/:caseId/decision')
  @HttpCode(200)
  @RequireScope('support')
  @CommandResponses({ 200: AccountStatusDto }, 'recovery_case_not_found')
  async decide(@Param() { caseId }: CaseIdParam, @Body() body: RecoveryCaseDecisionDto, @Ctx() ctx: RequestContext) {
    const outcome = await this.commands.execute(new DecideRecoveryCaseCommand(caseId, body.decision, body.note, metadataOf(ctx)));
    return accountStatus(outcome, outcome.accountId);
  }
}
