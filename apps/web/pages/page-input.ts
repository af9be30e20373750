import { randomUUID } from 'node:crypto';
import type { Request } from 'express';
import type { CommandMetadata } from '@warden/application/runner/command-metadata';
import { correlationIdOf } from '../../api/http/request-context';

/** Who acts when a person submits a hosted page: Warden's own pages, for the browser's user. */
export const HOSTED_PAGES_ACTOR = { type: 'service', id: 'hosted-pages' } as const;

const TOKEN = /^[A-Za-z0-9_-]{1,512}$/;

/** A token from the query or the form, or null for anything that cannot be one. */
export function tokenOf(value: unknown): string | null {
  return typeof value === 'string' && TOKEN.test(value) ? value : null;
}

/** A form field as typed, or '' when absent, repeated or too long (a form never sends that). */
export function fieldOf(body: unknown, name: string, maxLength: number): string {
  const value = body && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined;
  return typeof value === 'string' && value.length <= maxLength ? value : '';
}

/** The browser's address as the connection shows it (IPv4 unwrapped from ::ffff:), or ''. */
export function clientIpOf(request: Request): string {
  return (request.socket.remoteAddress ?? '').replace(/^::ffff:/, '');
}

/**
 * Event metadata for a page's command. The client is the browser's connection (Warden
 * trusts no X-Forwarded-For, as for the API) and user agent, stored encrypted like any.
 */
export function pageMetadata(request: Request): CommandMetadata {
  const ip = clientIpOf(request);
  const userAgent = (request.headers['user-agent'] ?? 'unknown').slice(0, 512);
  return {
    correlationId: correlationIdOf(request) ?? randomUUID(),
    actor: HOSTED_PAGES_ACTOR,
    client: ip ? { ip, userAgent } : undefined,
  };
}
