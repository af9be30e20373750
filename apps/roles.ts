export const ROLES = ['api', 'projector', 'worker'] as const;
export type Role = (typeof ROLES)[number];

/** `all` (the default, `npm start`) runs every role in one process. */
export function parseRoles(arg: string | undefined): Role[] {
  const value = arg ?? process.env.WARDEN_ROLE ?? 'all';
  if (value === 'all') return [...ROLES];
  const roles = value.split(',').map((r) => r.trim());
  const unknown = roles.filter((r) => !(ROLES as readonly string[]).includes(r));
  if (unknown.length > 0) throw new Error(`unknown role(s) ${unknown.join(', ')}; use all, ${ROLES.join(', ')}`);
  return roles as Role[];
}
