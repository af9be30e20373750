import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ConfirmEmailCommand } from '../../../libs/application/registration/confirm-email.command';
import type { ConfirmEmailResult } from '../../../libs/application/registration/confirm-email.handler';
import { ResendEmailVerificationCommand } from '../../../libs/application/registration/resend-email-verification.command';
import { EmailOnlyDto, TokenDto } from '../dto/account.dto';
import { Ctx } from '../http/request-context.decorator';
import type { RequestContext } from '../http/request-context';
import { RequireScope } from '../http/require-scope.decorator';
import { EventPositions } from '../positions/event-positions';
import { metadataOf } from './command-metadata';
import { CommandResponses } from '../http/openapi/route-responses.decorator';
import { AccountStatusDto, AcceptedDto } from '../dto/command.responses';

@ApiTags('email verification')
@Controller('v1/email-verifications')
@RequireScope('auth')
export class EmailVerificationsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly positions: EventPositions,
  ) {}

  @Post('confirm')
  @HttpCode(200)
  @CommandResponses({ 200: AccountStatusDto }, 'invalid_token')
  async confirm(@Body() body: TokenDto, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) res: Response) {
    const result = await this.commands.execute<ConfirmEmailCommand, ConfirmEmailResult>(
      new ConfirmEmailCommand(body.token, metadataOf(ctx)),
    );
    await this.positions.set(res, result.position);
    return { accountId: result.accountId, status: result.status };
  }

  @Post('resend')
  @HttpCode(202)
  @CommandResponses({ 202: AcceptedDto })
  async resend(@Body() body: EmailOnlyDto, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) res: Response) {
    await this.commands.execute(new ResendEmailVerificationCommand(body.email, metadataOf(ctx)));
    await this.positions.set(res);
    return {};
  }
}
