export interface AuditFilter {
  cursor?: string;
  limit: number;
  type?: string;
  from?: string;
  to?: string;
}

export class GetAuditQuery {
  constructor(
    readonly accountId: string,
    readonly filter: AuditFilter,
  ) {}
}
