import type { Position } from './envelope';

const WIDTH = 20;

/** Encodes a non-negative integer as a fixed-width position string. */
export function positionOf(value: bigint | number): Position {
  return BigInt(value).toString().padStart(WIDTH, '0');
}

export const START: Position = positionOf(0);

export function comparePositions(a: Position, b: Position): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function maxPosition(a: Position, b: Position): Position {
  return comparePositions(a, b) >= 0 ? a : b;
}

/** Accepts what a client sends back in X-Min-Position; null when it is not one of ours. */
export function parsePosition(raw: string | undefined): Position | null {
  if (!raw || !/^\d{1,20}(\/\d{1,20})?$/.test(raw)) return null;
  return raw.includes('/')
    ? raw.split('/').map((part) => part.padStart(WIDTH, '0')).join('/')
    : raw.padStart(WIDTH, '0');
}
