export class ActivityFeedQuery {
  constructor(
    readonly accountId: string,
    readonly page: { cursor?: string; limit: number },
  ) {}
}
