import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { FindAccountsQuery } from '@warden/projections/accounts/find-accounts.query';
import { GetAccountQuery } from '@warden/projections/accounts/get-account.query';
import { GetAuditQuery } from '@warden/projections/audit/get-audit.query';
import { AccountIdParam } from '../dto/account-id.param';
import { AuditQueryDto, FindAccountsQueryDto } from './support.dto';
import { RequireScope } from '../http/require-scope.decorator';
import { validationFailed } from '../http/validation-failed';
import { QueryResponses } from '../http/openapi/route-responses.decorator';
import { AccountListDto, AccountViewDto, AuditPageDto } from './support.responses';

@ApiTags('support')
@Controller('v1')
@RequireScope('support')
export class SupportAccountsController {
  constructor(private readonly queries: QueryBus) {}

  @Get('support/accounts')
  @QueryResponses(AccountListDto)
  find(@Query() query: FindAccountsQueryDto) {
    if ((query.email === undefined) === (query.username === undefined)) {
      throw validationFailed([{ field: 'email', message: 'give exactly one of email or username' }]);
    }
    return this.queries.execute(new FindAccountsQuery(query.email !== undefined ? { email: query.email } : { username: query.username! }));
  }

  @Get('accounts/:id')
  @QueryResponses(AccountViewDto, 'account_not_found')
  get(@Param() { id }: AccountIdParam) {
    return this.queries.execute(new GetAccountQuery(id));
  }

  @Get('accounts/:id/audit')
  @QueryResponses(AuditPageDto, 'account_not_found')
  audit(@Param() { id }: AccountIdParam, @Query() query: AuditQueryDto) {
    return this.queries.execute(new GetAuditQuery(id, { ...query, limit: query.limit ?? 50 }));
  }
}
