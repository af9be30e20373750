import type { RecordedEvent } from '@warden/shared/envelope';
import type { Decode, ProjectedEvent } from './projection';

/**
 * Decodes each event of a batch at most once, however many projections ask for it:
 * decoding decrypts personal fields, which is the expensive part of projecting.
 */
export function batchDecoder<E extends ProjectedEvent>(decode: Decode<E>): (event: RecordedEvent) => Promise<E> {
  const decoded = new Map<string, Promise<E>>();
  return (event) => {
    let result = decoded.get(event.eventId);
    if (!result) {
      result = decode(event);
      decoded.set(event.eventId, result);
    }
    return result;
  };
}
