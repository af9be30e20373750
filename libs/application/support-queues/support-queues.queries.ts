export type QueueStatus = 'open' | 'decided';

export interface QueueRequest {
  status: QueueStatus;
  cursor?: string;
  limit: number;
}

/** `GET /v1/recovery-cases?status=&cursor=&limit=` (contract §3.2). */
export class ListRecoveryCasesQuery {
  constructor(readonly request: QueueRequest) {}
}

/** `GET /v1/appeals?status=&cursor=&limit=` (contract §3.2). */
export class ListAppealsQuery {
  constructor(readonly request: QueueRequest) {}
}
