import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { ConfirmEmailCommand } from '@warden/application/registration/confirm-email.handler';
import { answer } from '../http/command-answer';
import { ResendEmailVerificationCommand } from '@warden/application/registration/resend-email-verification.handler';
import { EmailOnlyDto } from './registration.dto';
import { TokenDto } from '../dto/token.dto';
import { Ctx } from '../http/request-context.decorator';
import type { RequestContext } from '../http/request-context';
import { RequireScope } from '../http/require-scope.decorator';
import { metadataOf } from '../http/command-metadata';
import { CommandResponses } from '../http/openapi/route-responses.decorator';
import { AccountStatusDto, AcceptedDto } from '../dto/command.responses';

@ApiTags('email verification')
@Controller('v1/email-verifications')
@RequireScope('auth')
export class EmailVerificationsController {
  constructor(private readonly commands: CommandBus) {}

  @Post('confirm')
  @HttpCode(200)
  @CommandResponses({ 200: AccountStatusDto }, 'invalid_token')
  async confirm(@Body() body: TokenDto, @Ctx() ctx: RequestContext) {
    const result = await this.commands.execute(new ConfirmEmailCommand(body.token, metadataOf(ctx)));
    return answer(result, { accountId: result.accountId, status: result.status });
  }

  @Post('resend')
  @HttpCode(202)
  @CommandResponses({ 202: AcceptedDto })
  async resend(@Body() body: EmailOnlyDto, @Ctx() ctx: RequestContext) {
    await this.commands.execute(new ResendEmailVerificationCommand(body.email, metadataOf(ctx)));
    return {};
  }
}
