import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { Page } from '@warden/projections/newest-first-page';
import { ListAppealsQuery, type AppealEntry } from '@warden/projections/appeals/list-appeals.query';
import { ListRecoveryCasesQuery, type RecoveryCaseEntry } from '@warden/projections/recovery-cases/list-recovery-cases.query';
import type { QueueRequest } from '@warden/projections/support-queue';
import { AppealPageDto, RecoveryCasePageDto, SupportQueueQueryDto } from './support-queue.dto';
import { RequireScope } from '../http/require-scope.decorator';
import { QueryResponses } from '../http/openapi/route-responses.decorator';

/** Contract §3.2: the queues support works from, oldest open first. */
@ApiTags('support')
@Controller('v1')
@RequireScope('support')
export class SupportQueuesController {
  constructor(private readonly queries: QueryBus) {}

  @Get('recovery-cases')
  @QueryResponses(RecoveryCasePageDto)
  recoveryCases(@Query() query: SupportQueueQueryDto): Promise<Page<RecoveryCaseEntry>> {
    return this.queries.execute(new ListRecoveryCasesQuery(queueRequest(query)));
  }

  @Get('appeals')
  @QueryResponses(AppealPageDto)
  appeals(@Query() query: SupportQueueQueryDto): Promise<Page<AppealEntry>> {
    return this.queries.execute(new ListAppealsQuery(queueRequest(query)));
  }
}

function queueRequest(query: SupportQueueQueryDto): QueueRequest {
  return { status: query.status ?? 'open', cursor: query.cursor, limit: query.limit ?? 50 };
}
