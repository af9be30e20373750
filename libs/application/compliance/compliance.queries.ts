/** Compliance queries (contract §3.3): answered from the event store, never a read model. */

export class GetAccountHistoryQuery {
  /** `asOf` raw as given (ISO-8601); absent: the whole history. */
  constructor(
    readonly accountId: string,
    readonly asOf?: string,
  ) {}
}

export class GetAccountStateAsOfQuery {
  /** `asOf` raw as given (ISO-8601); absent: now. */
  constructor(
    readonly accountId: string,
    readonly asOf?: string,
  ) {}
}

export class VerifyAccountIntegrityQuery {
  constructor(readonly accountId: string) {}
}
