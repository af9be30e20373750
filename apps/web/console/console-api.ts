import type { Request } from 'express';
import type { ConsoleScope } from '@warden/infrastructure/config/console-config';
import type { Staff } from './staff';
import type { StaffKeys } from './staff-keys';

/** The contract's error body (§2). */
export interface ApiError {
  error: string;
  message: string;
  details?: unknown;
}

export type ApiAnswer<T> =
  | { ok: true; status: number; body: T; position?: string }
  | { ok: false; status: number; error: ApiError };

/** Where this very server listens: the address and port the console's request came in on. */
export interface ApiOrigin {
  readonly base: string;
}

export function originOf(request: Request): ApiOrigin {
  const socket = request.socket;
  const address = socket.localAddress ?? '127.0.0.1';
  const host = address.includes(':') ? `[${address}]` : address;
  return { base: `http://${host}:${socket.localPort}` };
}

type Query = Record<string, string | number | undefined>;

/**
 * The console's only way to read or change anything: a call of Warden's own HTTP API,
 * over loopback, with the staff member's API key and X-Actor — so every action passes
 * the same key and scope check, validation, idempotency and X-Min-Position handling as
 * a service's call, and is recorded with the staff member as its actor.
 */
export class ConsoleApi {
  constructor(
    private readonly origin: ApiOrigin,
    private readonly secret: string,
    private readonly actor: string,
    private readonly correlationId: string | undefined,
  ) {}

  get<T>(path: string, query: Query = {}, minPosition?: string): Promise<ApiAnswer<T>> {
    return this.call<T>('GET', withQuery(path, query), undefined, minPosition);
  }

  /** A command; `idempotencyKey` makes a repeated form submit run it once (contract §2). */
  send<T>(method: 'POST' | 'PUT' | 'DELETE', path: string, body?: object, idempotencyKey?: string): Promise<ApiAnswer<T>> {
    return this.call<T>(method, path, body, undefined, idempotencyKey);
  }

  /** A streamed answer (NDJSON history): the raw response, or the error. */
  async stream(path: string, query: Query, signal: AbortSignal): Promise<{ ok: true; response: Response } | { ok: false; status: number; error: ApiError }> {
    const response = await fetch(this.origin.base + withQuery(path, query), { headers: this.headers(), signal });
    if (response.ok && response.body) return { ok: true, response };
    return { ok: false, status: response.status, error: await errorOf(response) };
  }

  private async call<T>(method: string, path: string, body?: object, minPosition?: string, idempotencyKey?: string): Promise<ApiAnswer<T>> {
    const headers = this.headers();
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (minPosition) headers['X-Min-Position'] = minPosition;
    if (idempotencyKey) headers['Idempotency-Key'] = idempotencyKey;
    const response = await fetch(this.origin.base + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    if (!response.ok) return { ok: false, status: response.status, error: await errorOf(response) };
    const text = await response.text();
    return {
      ok: true,
      status: response.status,
      body: (text === '' ? undefined : JSON.parse(text)) as T,
      position: response.headers.get('x-event-position') ?? undefined,
    };
  }

  private headers(): Record<string, string> {
    const headers: Record<string, string> = { Authorization: `Bearer ${this.secret}`, 'X-Actor': this.actor, Accept: 'application/json' };
    if (this.correlationId) headers['X-Correlation-Id'] = this.correlationId;
    return headers;
  }
}

async function errorOf(response: Response): Promise<ApiError> {
  const text = await response.text();
  try {
    const body = JSON.parse(text) as Partial<ApiError>;
    if (typeof body.error === 'string') return { error: body.error, message: String(body.message ?? ''), details: body.details };
  } catch {
    // Not the contract's JSON: described by its status below.
  }
  return { error: `http_${response.status}`, message: `Warden answered ${response.status}.` };
}

function withQuery(path: string, query: Query): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value !== undefined && value !== '') params.set(name, String(value));
  const text = params.toString();
  return text === '' ? path : `${path}?${text}`;
}

/** Builds the API client for one request of one staff member in one scope. */
export class ConsoleApis {
  constructor(private readonly keys: StaffKeys) {}

  /** null when the staff member lacks the scope or the key has since been removed. */
  for(request: Request, staff: Staff, scope: ConsoleScope, correlationId: string | undefined): ConsoleApi | null {
    const keyName = staff.keyNames[scope];
    const secret = keyName ? this.keys.secretOf(keyName, scope) : undefined;
    return secret ? new ConsoleApi(originOf(request), secret, staff.staffId, correlationId) : null;
  }
}
