export class IntrospectSessionQuery {
  constructor(readonly sessionToken: string) {}
}
