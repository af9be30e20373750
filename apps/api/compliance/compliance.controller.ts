import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiExtraModels, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { Response } from 'express';
import { toNdjson } from '@warden/application/compliance/account-history';
import { GetAccountHistoryQuery } from '@warden/application/compliance/get-account-history.handler';
import { GetAccountStateAsOfQuery } from '@warden/application/compliance/get-account-state-as-of.handler';
import { VerifyAccountIntegrityQuery } from '@warden/application/compliance/verify-account-integrity.handler';
import { AccountIdParam } from '../dto/account-id.param';
import { AccountStateAsOfDto, AsOfQueryDto, IntegrityReportDto } from './compliance.dto';
import { RequireScope } from '../http/require-scope.decorator';
import { QueryResponses } from '../http/openapi/route-responses.decorator';
import { HistoryLineDto } from './compliance.responses';

export const NDJSON = 'application/x-ndjson';

/** Contract §3.3: an account's history, past state and chain integrity, from the event store. */
@ApiTags('compliance')
@Controller('v1/compliance/accounts/:id')
@RequireScope('compliance')
export class ComplianceController {
  constructor(private readonly queries: QueryBus) {}

  /**
   * NDJSON, written page by page as the store is read. The first page is read before the
   * status line, so `404 account_not_found` and other early failures are JSON errors; a
   * failure after that cuts the connection (ErrorFilter), since the status is already sent.
   */
  @Get('history')
  @ApiExtraModels(HistoryLineDto)
  @QueryResponses({ mediaType: NDJSON, schema: { $ref: getSchemaPath(HistoryLineDto) } }, 'account_not_found')
  async history(@Param() { id }: AccountIdParam, @Query() query: AsOfQueryDto, @Res() res: Response): Promise<void> {
    const history = await this.queries.execute(new GetAccountHistoryQuery(id, query.asOf));
    res.status(200);
    res.setHeader('Content-Type', `${NDJSON}; charset=utf-8`);
    res.setHeader('Cache-Control', 'no-store');
    for await (const page of history) {
      // The client went away: stop reading the store (leaving the loop closes the reader).
      if (res.destroyed) break;
      if (!res.write(toNdjson(page))) await drained(res);
      // Let other requests (and the reader of this stream, when it is this process's own
      // console) run between pages: a long history must not hold the event loop.
      await new Promise((resolve) => setImmediate(resolve));
    }
    if (!res.destroyed) res.end();
  }

  @Get('state')
  @QueryResponses(AccountStateAsOfDto, 'account_not_found')
  state(@Param() { id }: AccountIdParam, @Query() query: AsOfQueryDto) {
    return this.queries.execute(new GetAccountStateAsOfQuery(id, query.asOf));
  }

  @Get('integrity')
  @QueryResponses(IntegrityReportDto, 'account_not_found')
  integrity(@Param() { id }: AccountIdParam) {
    return this.queries.execute(new VerifyAccountIntegrityQuery(id));
  }
}

/** Resolves when the socket can take more, or is gone. */
function drained(res: Response): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}
