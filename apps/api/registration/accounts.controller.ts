import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { RegisterAccountCommand } from '@warden/application/registration/register-account.handler';
import { answer } from '../http/command-answer';
import { RegisterAccountDto } from './registration.dto';
import { Ctx } from '../http/request-context.decorator';
import type { RequestContext } from '../http/request-context';
import { RequireScope } from '../http/require-scope.decorator';
import { metadataOf } from '../http/command-metadata';
import { CommandResponses } from '../http/openapi/route-responses.decorator';
import { AccountStatusDto } from '../dto/command.responses';

@ApiTags('accounts')
@Controller('v1/accounts')
export class AccountsController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(201)
  @RequireScope('auth')
  @CommandResponses({ 201: AccountStatusDto }, 'email_taken', 'username_taken', 'username_locked', 'weak_password')
  async register(@Body() body: RegisterAccountDto, @Ctx() ctx: RequestContext) {
    const { context, ...input } = body;
    const result = await this.commands.execute(new RegisterAccountCommand(input, metadataOf(ctx, context)));
    return answer(result, { accountId: result.accountId, status: result.status });
  }
}
