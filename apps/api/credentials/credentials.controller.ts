import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { IssueCredentialCommand } from '@warden/application/credentials/issue-credential.handler';
import { RegenerateCredentialCommand } from '@warden/application/credentials/regenerate-credential.handler';
import { RevokeCredentialCommand } from '@warden/application/credentials/revoke-credential.handler';
import { IntrospectCredentialQuery } from '@warden/application/credentials/introspect-credential.handler';
import { ListCredentialsQuery, type CredentialSummary } from '@warden/projections/credentials/list-credentials.query';
import { AccountIdParam } from '../dto/account-id.param';
import {
  CredentialIdParams,
  CredentialIntrospectionDto,
  CredentialListDto,
  CredentialSecretDto,
  IssueCredentialDto,
  IssuedCredentialDto,
  RegeneratedCredentialDto,
} from './credentials.dto';
import { EmptyDto } from '../dto/empty.dto';
import { Ctx } from '../http/request-context.decorator';
import type { RequestContext } from '../http/request-context';
import { RequireScope } from '../http/require-scope.decorator';
import { answer } from '../http/command-answer';
import { metadataOf } from '../http/command-metadata';
import { CommandResponses, QueryResponses } from '../http/openapi/route-responses.decorator';

/** Integration API credentials: issue (secret shown once), list, regenerate, revoke, introspect. */
@ApiTags('credentials')
@Controller('v1')
export class CredentialsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post('accounts/:id/credentials')
  @HttpCode(201)
  @RequireScope('auth')
  @CommandResponses({ 201: IssuedCredentialDto }, 'account_not_found', 'invalid_state')
  async issue(@Param() { id }: AccountIdParam, @Body() body: IssueCredentialDto, @Ctx() ctx: RequestContext) {
    const { position, credentialId, secret } = await this.commands.execute(new IssueCredentialCommand(id, body.label, metadataOf(ctx)));
    return answer<IssuedCredentialDto>({ position }, { credentialId, secret });
  }

  @Get('accounts/:id/credentials')
  @RequireScope('auth', 'support')
  @QueryResponses(CredentialListDto, 'account_not_found')
  list(@Param() { id }: AccountIdParam): Promise<{ credentials: CredentialSummary[] }> {
    return this.queries.execute(new ListCredentialsQuery(id));
  }

  @Post('accounts/:id/credentials/:cid/regenerate')
  @HttpCode(200)
  @RequireScope('auth')
  @CommandResponses({ 200: RegeneratedCredentialDto }, 'credential_not_found', 'account_not_found', 'invalid_state')
  async regenerate(@Param() { id, cid }: CredentialIdParams, @Body() _body: EmptyDto, @Ctx() ctx: RequestContext) {
    const { position, secret } = await this.commands.execute(new RegenerateCredentialCommand(id, cid, metadataOf(ctx)));
    return answer<RegeneratedCredentialDto>({ position }, { secret });
  }

  @Delete('accounts/:id/credentials/:cid')
  @HttpCode(204)
  @RequireScope('auth')
  @CommandResponses({ 204: null }, 'account_not_found', 'credential_not_found')
  async revoke(@Param() { id, cid }: CredentialIdParams, @Ctx() ctx: RequestContext) {
    return answer(await this.commands.execute(new RevokeCredentialCommand(id, { credentialId: cid }, metadataOf(ctx))));
  }

  @Post('credentials/introspect')
  @HttpCode(200)
  @RequireScope('auth')
  @QueryResponses(CredentialIntrospectionDto)
  introspect(@Body() body: CredentialSecretDto) {
    return this.queries.execute(new IntrospectCredentialQuery(body.secret));
  }
}
