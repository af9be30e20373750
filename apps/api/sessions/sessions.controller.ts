import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { IntrospectSessionQuery } from '@warden/application/sessions/introspect-session.handler';
import { ListSessionsQuery } from '@warden/projections/sessions/list-sessions.query';
import { LogOutCommand } from '@warden/application/sessions/log-out.handler';
import { ActivityFeedQuery } from '@warden/projections/activity/activity-feed.query';
import { EndAllSessionsCommand } from '@warden/application/sessions/end-all-sessions.handler';
import { EndOtherSessionsCommand } from '@warden/application/sessions/end-other-sessions.handler';
import { EndSessionCommand } from '@warden/application/sessions/end-session.handler';
import type { CommandOutcome } from '@warden/application/runner/account-command-runner';
import { KeepSessionDto } from './sessions.dto';
import { PageQueryDto } from '../dto/page-query.dto';
import { SessionIdParams } from './session-id.param';
import { AccountIdParam } from '../dto/account-id.param';
import { SessionTokenDto } from './sessions.dto';
import { Ctx } from '../http/request-context.decorator';
import type { RequestContext } from '../http/request-context';
import { RequireScope } from '../http/require-scope.decorator';
import { answer } from '../http/command-answer';
import { metadataOf } from '../http/command-metadata';
import { CommandResponses, QueryResponses } from '../http/openapi/route-responses.decorator';
import { ActivityPageDto, RevokedSessionsDto, SessionIntrospectionDto, SessionListDto } from './sessions.responses';

@ApiTags('sessions')
@Controller('v1')
export class SessionsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post('sessions/introspect')
  @HttpCode(200)
  @RequireScope('auth')
  @QueryResponses(SessionIntrospectionDto)
  introspect(@Body() body: SessionTokenDto) {
    return this.queries.execute(new IntrospectSessionQuery(body.sessionToken));
  }

  @Post('sessions/logout')
  @HttpCode(204)
  @RequireScope('auth')
  @CommandResponses({ 204: null })
  async logOut(@Body() body: SessionTokenDto, @Ctx() ctx: RequestContext) {
    return answer(await this.commands.execute(new LogOutCommand(body.sessionToken, metadataOf(ctx))));
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
  async revoke(@Param() { id, sessionId }: SessionIdParams, @Ctx() ctx: RequestContext) {
    const reason = ctx.scope === 'support' ? 'revoked_by_support' : 'revoked_by_owner';
    return answer(await this.commands.execute(new EndSessionCommand(id, { sessionId, reason }, metadataOf(ctx))));
  }

  @Post('accounts/:id/sessions/revoke-others')
  @HttpCode(200)
  @RequireScope('auth')
  @CommandResponses({ 200: RevokedSessionsDto }, 'account_not_found', 'session_not_found')
  async revokeOthers(@Param() { id }: AccountIdParam, @Body() body: KeepSessionDto, @Ctx() ctx: RequestContext) {
    return revoked(await this.commands.execute(new EndOtherSessionsCommand(id, { keepSessionId: body.keepSessionId }, metadataOf(ctx))));
  }

  @Post('accounts/:id/sessions/revoke-all')
  @HttpCode(200)
  @RequireScope('support')
  @CommandResponses({ 200: RevokedSessionsDto }, 'account_not_found')
  async revokeAll(@Param() { id }: AccountIdParam, @Ctx() ctx: RequestContext) {
    return revoked(await this.commands.execute(new EndAllSessionsCommand(id, {}, metadataOf(ctx))));
  }

  /** Support reads it too: the owner's own words for what happened, as they see them (the console's account page). */
  @Get('accounts/:id/activity')
  @RequireScope('auth', 'support')
  @QueryResponses(ActivityPageDto, 'account_not_found')
  activity(@Param() { id }: AccountIdParam, @Query() query: PageQueryDto) {
    return this.queries.execute(new ActivityFeedQuery(id, { cursor: query.cursor, limit: query.limit ?? 50 }));
  }
}

/** How many sessions a revocation ended. */
function revoked(outcome: CommandOutcome) {
  return answer(outcome, { revoked: outcome.events.filter((e) => e.type === 'SessionRevoked').length });
}
