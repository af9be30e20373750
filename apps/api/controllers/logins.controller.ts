import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { LogInCommand } from '../../../libs/application/log-in/log-in.command';
import type { SessionIssued } from '../../../libs/application/log-in/log-in.handler';
import { LoginDto } from '../dto/session.dto';
import { Ctx } from '../http/request-context.decorator';
import type { RequestContext } from '../http/request-context';
import { RequireScope } from '../http/require-scope.decorator';
import { EventPositions } from '../positions/event-positions';
import { metadataOf } from './command-metadata';

@ApiTags('sessions')
@Controller('v1/logins')
@RequireScope('auth')
export class LoginsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly positions: EventPositions,
  ) {}

  @Post()
  @HttpCode(200)
  async logIn(@Body() body: LoginDto, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) res: Response) {
    const { position, ...session } = await this.commands.execute<LogInCommand, SessionIssued>(
      new LogInCommand(body.email, body.password, metadataOf(ctx, body.context)),
    );
    await this.positions.set(res, position);
    return session;
  }
}
