import type { EventFeed } from './event-store.port';

/**
 * The open feeds of one store: each is handed out with a close() that also forgets it,
 * and closeAll() (on the store's close) closes those still open.
 */
export class OpenFeeds {
  private readonly open = new Set<EventFeed>();

  track(feed: EventFeed): EventFeed {
    this.open.add(feed);
    return {
      next: (maxCount) => feed.next(maxCount),
      close: async () => {
        this.open.delete(feed);
        await feed.close();
      },
    };
  }

  async closeAll(): Promise<void> {
    const open = [...this.open];
    this.open.clear();
    await Promise.all(open.map((feed) => feed.close()));
  }
}
