import type { Position } from '@warden/shared/envelope';
import { positionOf, START } from '@warden/shared/position';

/** A place in EventStoreDB's transaction log, as its client gives it. */
export interface EsdbLogPosition {
  commit: bigint;
  prepare: bigint;
}

const ENCODED = /^(\d{20})\/(\d{20})$/;

/**
 * Our Position for an EventStoreDB event: `<commit>/<prepare>`, each as 20 zero-padded
 * digits. $all is ordered by commit then prepare, and fixed width makes plain string
 * comparison follow the same order (u64 fits in 20 digits), e.g.
 * `00000000000000001234/00000000000000001234`.
 */
export function encodeEsdbPosition(position: EsdbLogPosition): Position {
  return `${positionOf(position.commit)}/${positionOf(position.prepare)}`;
}

/**
 * The log position behind one of our positions, or 'start' for the shared START
 * (all zeros, what a fresh checkpoint holds). Refuses a SQLite sequence: it would point
 * somewhere arbitrary in the log.
 */
export function decodeEsdbPosition(position: Position): EsdbLogPosition | 'start' {
  if (position === START) return 'start';
  const match = ENCODED.exec(position);
  if (!match) throw new Error(`not an EventStoreDB event store position: ${position}`);
  return { commit: BigInt(match[1]), prepare: BigInt(match[2]) };
}
