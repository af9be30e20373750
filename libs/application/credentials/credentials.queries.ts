/** The account's active credentials, from the `credentials` read model. */
export class ListCredentialsQuery {
  constructor(readonly accountId: string) {}
}

/** Is this secret a live credential of an active account? Answered from the account's stream. */
export class IntrospectCredentialQuery {
  constructor(readonly secret: string) {}
}
