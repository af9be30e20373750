/** Is this secret a live credential of an active account? Answered from the account's stream. */
export class IntrospectCredentialQuery {
  constructor(readonly secret: string) {}
}
