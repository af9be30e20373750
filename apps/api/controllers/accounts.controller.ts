import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { RegisterAccountCommand } from '../../../libs/application/registration/register-account.command';
import type { RegisterAccountResult } from '../../../libs/application/registration/register-account.handler';
import { RegisterAccountDto } from '../dto/account.dto';
import { Ctx } from '../http/request-context.decorator';
import type { RequestContext } from '../http/request-context';
import { RequireScope } from '../http/require-scope.decorator';
import { EventPositions } from '../positions/event-positions';
import { metadataOf } from './command-metadata';
import { CommandResponses } from '../http/openapi/route-responses.decorator';
import { AccountStatusDto } from '../dto/command.responses';

@ApiTags('accounts')
@Controller('v1/accounts')
export class AccountsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly positions: EventPositions,
  ) {}

  @Post()
  @HttpCode(201)
  @RequireScope('auth')
  @CommandResponses({ 201: AccountStatusDto }, 'email_taken', 'username_taken', 'username_locked', 'weak_password')
  async register(@Body() body: RegisterAccountDto, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) res: Response) {
    const { context, ...input } = body;
    const result = await this.commands.execute<RegisterAccountCommand, RegisterAccountResult>(
      new RegisterAccountCommand(input, metadataOf(ctx, context)),
    );
    await this.positions.set(res, result.position);
    return { accountId: result.accountId, status: result.status };
  }
}
