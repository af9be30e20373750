import type { ApiError, ConsoleApi } from './console-api';
import type { HistoryEvent } from './contract-shapes';

export interface HistoryWindow {
  /** First revision to show. */
  fromRevision: number;
  size: number;
  /** Inclusive bounds on occurredAt (ISO-8601 UTC); `until` is the API's own asOf. */
  since?: string;
  until?: string;
}

export type HistoryPage = { ok: true; events: HistoryEvent[]; hasMore: boolean } | { ok: false; error: ApiError };

/**
 * One page of an account's history, read from the compliance API's NDJSON stream (oldest
 * first) as it arrives: events before the window are skipped as they pass, and the stream
 * is cut as soon as the page and one more event are in, so the API stops reading the
 * store. A page costs the events up to its end, never the whole history.
 */
export async function readHistoryPage(api: ConsoleApi, accountId: string, window: HistoryWindow): Promise<HistoryPage> {
  const abort = new AbortController();
  const answer = await api.stream(`/v1/compliance/accounts/${accountId}/history`, { asOf: window.until }, abort.signal);
  if (!answer.ok) return answer;
  const events: HistoryEvent[] = [];
  const decoder = new TextDecoder();
  let buffered = '';
  try {
    for await (const chunk of answer.response.body as unknown as AsyncIterable<Uint8Array>) {
      buffered += decoder.decode(chunk, { stream: true });
      let newline: number;
      while ((newline = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, newline);
        buffered = buffered.slice(newline + 1);
        if (line.trim() === '' || before(line, window.fromRevision)) continue;
        const event = JSON.parse(line) as HistoryEvent;
        if (event.revision < window.fromRevision || (window.since && event.occurredAt < window.since)) continue;
        events.push(event);
        if (events.length > window.size) return { ok: true, events: events.slice(0, window.size), hasMore: true };
      }
    }
  } finally {
    abort.abort();
  }
  return { ok: true, events, hasMore: false };
}

const LEADING_REVISION = /^\{"revision":(\d+),/;

/** Lines before the window are skipped without parsing them: each line starts with its revision. */
function before(line: string, fromRevision: number): boolean {
  const match = LEADING_REVISION.exec(line);
  return match !== null && Number(match[1]) < fromRevision;
}
