import type {
  AllStreamResolvedEvent,
  AppendResult,
  AppendToStreamOptions,
  EventData,
  ReadAllOptions,
  ReadStreamOptions,
  ResolvedEvent,
  SubscribeToAllOptions,
} from '@eventstore/db-client';

/**
 * A live subscription as EventStoreDBClient returns it: a readable stream of events. A
 * failure (connection lost, server refusal) surfaces as a throw of the iteration, after
 * the events already received.
 */
export interface EsdbSubscription extends AsyncIterable<AllStreamResolvedEvent> {
  /**
   * `caughtUp`: the server (23.10 and later) has sent everything up to the live end of the
   * log, `fellBehind`: it is catching up again. Emitted as the message arrives, so events
   * sent before it may still wait in the stream's buffer, not read yet.
   */
  on(event: 'caughtUp' | 'fellBehind', listener: () => void): unknown;
  unsubscribe(): Promise<void>;
  /** Ends a pending iteration; unsubscribe() alone only cancels the gRPC call. */
  destroy(): void;
}

/**
 * The part of EventStoreDBClient the adapter uses. The real client satisfies it as is;
 * a test double can stand in for a server nobody here can run.
 */
export interface EsdbClient {
  appendToStream(streamName: string, events: EventData[], options: AppendToStreamOptions): Promise<AppendResult>;
  readStream(streamName: string, options: ReadStreamOptions): AsyncIterable<ResolvedEvent>;
  readAll(options: ReadAllOptions): AsyncIterable<AllStreamResolvedEvent>;
  subscribeToAll(options: SubscribeToAllOptions): EsdbSubscription;
  dispose(): Promise<void>;
}
