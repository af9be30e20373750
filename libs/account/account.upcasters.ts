import { SCHEMA_VERSIONS, isAccountEventType } from './account.events';

type Data = Record<string, unknown>;

/**
 * Upcasters turn a stored event of an older schema version into the next version's shape.
 * Keyed by type, then by the version they upgrade FROM. They run only at the read boundary,
 * so deciders and projectors see one shape.
 */
const UPCASTERS: Record<string, Record<number, (data: Data) => Data>> = {
  // v0 of AccountRegistered (the draft before usernames and sign-in origins) had neither.
  // v1 of the three events with a password hash stored it in clear; v2 encrypts it with the
  // account's data key. The shape is the same: the codec passes a clear value through while
  // the key lives and reads it "[erased]" once the key is destroyed, like any personal field.
  AccountRegistered: { 0: (data) => ({ username: null, origin: null, ...data }), 1: (data) => data },
  PasswordChanged: { 1: (data) => data },
  PasswordResetCompleted: { 1: (data) => data },
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
