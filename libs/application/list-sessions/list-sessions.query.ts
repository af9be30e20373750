export class ListSessionsQuery {
  constructor(readonly accountId: string) {}
}
