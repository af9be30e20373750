import { Body, Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { IntrospectSessionQuery } from '../../../libs/application/introspect-session/introspect-session.query';
import type { Introspection } from '../../../libs/application/introspect-session/introspect-session.handler';
import { ListSessionsQuery } from '../../../libs/application/list-sessions/list-sessions.query';
import { LogOutCommand } from '../../../libs/application/log-out/log-out.command';
import type { Position } from '../../../libs/shared/envelope';
import { AccountIdParam } from '../dto/account-id.param';
import { SessionTokenDto } from '../dto/session.dto';
import { Ctx } from '../http/request-context.decorator';
import type { RequestContext } from '../http/request-context';
import { RequireScope } from '../http/require-scope.decorator';
import { EventPositions } from '../positions/event-positions';
import { metadataOf } from './command-metadata';

@ApiTags('sessions')
@Controller('v1')
export class SessionsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly positions: EventPositions,
  ) {}

  @Post('sessions/introspect')
  @HttpCode(200)
  @RequireScope('auth')
  introspect(@Body() body: SessionTokenDto): Promise<Introspection> {
    return this.queries.execute(new IntrospectSessionQuery(body.sessionToken));
  }

  @Post('sessions/logout')
  @HttpCode(204)
  @RequireScope('auth')
  async logOut(@Body() body: SessionTokenDto, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) res: Response) {
    const result = await this.commands.execute<LogOutCommand, { position?: Position }>(
      new LogOutCommand(body.sessionToken, metadataOf(ctx)),
    );
    await this.positions.set(res, result.position);
  }

  @Get('accounts/:id/sessions')
  @RequireScope('auth', 'support')
  list(@Param() { id }: AccountIdParam) {
    return this.queries.execute(new ListSessionsQuery(id));
  }
}
