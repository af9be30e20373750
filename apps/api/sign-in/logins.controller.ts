import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiExtraModels, ApiTags } from '@nestjs/swagger';
import { CompleteSecondFactorCommand } from '@warden/application/sign-in/complete-second-factor.handler';
import { LogInCommand } from '@warden/application/sign-in/log-in.handler';
import type { LoginResult } from '@warden/application/sign-in/log-in.result';
import { answer } from '../http/command-answer';
import { SecondFactorDto } from './sign-in.dto';
import { LoginDto } from './sign-in.dto';
import { Ctx } from '../http/request-context.decorator';
import type { RequestContext } from '../http/request-context';
import { RequireScope } from '../http/require-scope.decorator';
import { validationFailed } from '../http/validation-failed';
import { metadataOf } from '../http/command-metadata';
import { CommandResponses } from '../http/openapi/route-responses.decorator';
import { LOGIN_RESULT_SCHEMA, SecondFactorRequiredDto, SessionIssuedDto } from './sign-in.responses';

@ApiTags('sessions')
@Controller('v1/logins')
@RequireScope('auth')
@ApiExtraModels(SessionIssuedDto, SecondFactorRequiredDto)
export class LoginsController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(200)
  @CommandResponses(
    { 200: LOGIN_RESULT_SCHEMA },
    'invalid_credentials',
    'email_not_verified',
    'account_locked',
    'password_disabled',
    'account_suspended',
    'invalid_state',
    'too_many_attempts',
  )
  async logIn(@Body() body: LoginDto, @Ctx() ctx: RequestContext) {
    return this.answered(this.commands.execute(new LogInCommand(body.email, body.password, metadataOf(ctx, body.context))));
  }

  @Post('second-factor')
  @HttpCode(200)
  @CommandResponses(
    { 200: SessionIssuedDto },
    'invalid_code',
    'email_not_verified',
    'account_locked',
    'password_disabled',
    'account_suspended',
    'invalid_state',
  )
  async secondFactor(@Body() body: SecondFactorDto, @Ctx() ctx: RequestContext) {
    if ((body.code === undefined) === (body.recoveryCode === undefined)) {
      throw validationFailed([{ field: 'code', message: 'give exactly one of code or recoveryCode' }]);
    }
    const proof = body.code !== undefined ? { code: body.code } : { recoveryCode: body.recoveryCode! };
    return this.answered(this.commands.execute(new CompleteSecondFactorCommand(body.challengeToken, proof, metadataOf(ctx))));
  }

  private async answered(pending: Promise<LoginResult>) {
    const { position, ...result } = await pending;
    return answer({ position }, result);
  }
}
