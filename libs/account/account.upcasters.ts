import { SCHEMA_VERSIONS, isAccountEventType } from './account.events';

type Data = Record<string, unknown>;

/**
 * Upcasters turn a stored event of an older schema version into the next version's shape.
 * Keyed by type, then by the version they upgrade FROM. They run only at the read boundary,
 * so deciders and projectors see one shape.
 */
const UPCASTERS: Record<string, Record<number, (data: Data) => Data>> = {
  // v0 of AccountRegistered (the draft before usernames and sign-in origins) had neither.
  AccountRegistered: { 0: (data) => ({ username: null, origin: null, ...data }) },
};

export function upcast(type: string, schemaVersion: number, data: Data): { schemaVersion: number; data: Data } {
  if (!isAccountEventType(type)) return { schemaVersion, data };
  let version = schemaVersion;
  let current = data;
  while (version < SCHEMA_VERSIONS[type]) {
    const step = UPCASTERS[type]?.[version];
    if (!step) throw new Error(`no upcaster for ${type} v${version}`);
    current = step(current);
    version += 1;
  }
  return { schemaVersion: version, data: current };
}
