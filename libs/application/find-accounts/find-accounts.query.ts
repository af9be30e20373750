export class FindAccountsQuery {
  constructor(readonly by: { email: string } | { username: string }) {}
}
