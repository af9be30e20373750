import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { IntrospectSessionQuery } from '../../../libs/application/sessions/introspect-session.command';
import type { Introspection } from '../../../libs/application/sessions/introspect-session.handler';
import { ListSessionsQuery } from '../../../libs/application/list-sessions/list-sessions.query';
import { LogOutCommand } from '../../../libs/application/sessions/log-out.command';
import { ActivityFeedQuery } from '../../../libs/application/activity-feed/activity-feed.query';
import { ExecuteAccountCommand } from '../../../libs/application/runner/execute-account-command.command';
import type { CommandOutcome } from '../../../libs/application/runner/account-command-runner';
import { KeepSessionDto } from '../dto/password.dto';
import { PageQueryDto } from '../dto/page-query.dto';
import { SessionIdParams } from '../dto/session-id.param';
import type { Position } from '../../../libs/shared/envelope';
import { AccountIdParam } from '../dto/account-id.param';
import { SessionTokenDto } from '../dto/session.dto';
import { Ctx } from '../http/request-context.decorator';
import type { RequestContext } from '../http/request-context';
import { RequireScope } from '../http/require-scope.decorator';
import { EventPositions } from '../positions/event-positions';
import { metadataOf } from './command-metadata';
import { CommandResponses, QueryResponses } from '../http/openapi/route-responses.decorator';
import { ActivityPageDto, RevokedSessionsDto, SessionIntrospectionDto, SessionListDto } from '../dto/session.responses';

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
  @QueryResponses(SessionIntrospectionDto)
  introspect(@Body() body: SessionTokenDto): Promise<Introspection> {
    return this.queries.execute(new IntrospectSessionQuery(body.sessionToken));
  }

  @Post('sessions/logout')
  @HttpCode(204)
  @RequireScope('auth')
  @CommandResponses({ 204: null })
  async logOut(@Body() body: SessionTokenDto, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) res: Response) {
    const result = await this.commands.execute<LogOutCommand, { position?: Position }>(
      new LogOutCommand(body.sessionToken, metadataOf(ctx)),
    );
    await this.positions.set(res, result.position);
  }

  @Get('accounts/:id/sessions')
  @RequireScope('auth', 'support')
  @QueryResponses(SessionListDto, 'account_not_found')
  list(@Param() { id }: AccountIdParam) {
    return this.queries.execute(new ListSessionsQuery(id));
  }

  @Delete('accounts/:id/sessions/:sessionId')
  @HttpCode(204)
  @RequireScope('auth', 'support')
  @CommandResponses({ 204: null }, 'account_not_found', 'session_not_found')
  async revoke(@Param() { id, sessionId }: SessionIdParams, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) res: Response) {
    const reason = ctx.scope === 'support' ? 'revoked_by_support' : 'revoked_by_owner';
    const outcome = await this.commands.execute<ExecuteAccountCommand, CommandOutcome>(
      new ExecuteAccountCommand(id, { type: 'EndSession', sessionId, reason }, metadataOf(ctx)),
    );
    await this.positions.set(res, outcome.position);
  }

  @Post('accounts/:id/sessions/revoke-others')
  @HttpCode(200)
  @RequireScope('auth')
  @CommandResponses({ 200: RevokedSessionsDto }, 'account_not_found', 'session_not_found')
  async revokeOthers(@Param() { id }: AccountIdParam, @Body() body: KeepSessionDto, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) res: Response) {
    return this.revokeMany(new ExecuteAccountCommand(id, { type: 'EndOtherSessions', keepSessionId: body.keepSessionId }, metadataOf(ctx)), res);
  }

  @Post('accounts/:id/sessions/revoke-all')
  @HttpCode(200)
  @RequireScope('support')
  @CommandResponses({ 200: RevokedSessionsDto }, 'account_not_found')
  async revokeAll(@Param() { id }: AccountIdParam, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) res: Response) {
    return this.revokeMany(new ExecuteAccountCommand(id, { type: 'EndAllSessions' }, metadataOf(ctx)), res);
  }

  @Get('accounts/:id/activity')
  @RequireScope('auth')
  @QueryResponses(ActivityPageDto, 'account_not_found')
  activity(@Param() { id }: AccountIdParam, @Query() query: PageQueryDto) {
    return this.queries.execute(new ActivityFeedQuery(id, { cursor: query.cursor, limit: query.limit ?? 50 }));
  }

  private async revokeMany(command: ExecuteAccountCommand, res: Response) {
    const outcome = await this.commands.execute<ExecuteAccountCommand, CommandOutcome>(command);
    await this.positions.set(res, outcome.position);
    return { revoked: outcome.events.filter((e) => e.type === 'SessionRevoked').length };
  }
}
