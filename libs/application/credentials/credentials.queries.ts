/** The account's active credentials, from the `credentials` read model. */
export class ListCredentialsQuery {
  constructor(readonly accountId: string) {}
}
