import type { NextFunction, Request, Response } from 'express';
import { validationFailed, type FieldError } from './validation-failed';

/**
 * How deep a JSON body may nest. The deepest command is two levels (`context.ip`); the
 * limit is far above that and far below what class-transformer's and class-validator's
 * recursion survive (about 1,300 nested arrays overflow the stack).
 */
export const MAX_JSON_DEPTH = 32;

/**
 * Keys a body may never carry, at any depth: the names on Object.prototype (`__proto__`,
 * `constructor`, `toString`, `hasOwnProperty`…) and `prototype`. class-transformer skips
 * them when it builds a DTO, so the whitelist never saw them and they were accepted.
 */
const PROTOTYPE_KEYS: ReadonlySet<string> = new Set([...Object.getOwnPropertyNames(Object.prototype), 'prototype']);

/**
 * What is wrong with a parsed JSON value's shape, or undefined. Iterative, so the check
 * itself cannot overflow whatever the nesting.
 */
export function jsonShapeProblem(value: unknown, maxDepth = MAX_JSON_DEPTH): FieldError | undefined {
  const pending: Array<{ value: unknown; depth: number; path: string }> = [{ value, depth: 0, path: '' }];
  while (pending.length > 0) {
    const { value: current, depth, path } = pending.pop()!;
    if (typeof current !== 'object' || current === null) continue;
    if (depth >= maxDepth) return { field: path || 'body', message: `must not nest deeper than ${maxDepth} levels` };
    if (Array.isArray(current)) {
      current.forEach((item, index) => pending.push({ value: item, depth: depth + 1, path: `${path}[${index}]` }));
      continue;
    }
    for (const key of Object.keys(current)) {
      const field = path ? `${path}.${key}` : key;
      if (PROTOTYPE_KEYS.has(key)) return { field, message: 'unknown field' };
      pending.push({ value: (current as Record<string, unknown>)[key], depth: depth + 1, path: field });
    }
  }
  return undefined;
}

/**
 * Runs right after the JSON parser, before any DTO is built: a body nested too deep or
 * carrying a prototype key is `400 validation_failed` here, so it never reaches the
 * validation pipe's recursion.
 */
export function refuseHostileJson(request: Request, _response: Response, next: NextFunction): void {
  const problem = request.is(['json', '+json']) ? jsonShapeProblem(request.body) : undefined;
  next(problem ? validationFailed([problem]) : undefined);
}
