/** The caller roles of contract §2; an API key holds one or more of them. */
export const API_SCOPES = ['auth', 'support', 'compliance'] as const;

export type ApiScope = (typeof API_SCOPES)[number];

/** Scopes whose calls are made by a person, named in `X-Actor` and recorded in events. */
export type StaffScope = Exclude<ApiScope, 'auth'>;

export function isApiScope(value: string): value is ApiScope {
  return (API_SCOPES as readonly string[]).includes(value);
}

export function isStaffScope(scope: ApiScope): scope is StaffScope {
  return scope !== 'auth';
}
