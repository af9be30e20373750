import { isOneOf, type EventSchemas } from '../area-members';

export type SessionEndReason =
  | 'logout'
  | 'revoked_by_owner'
  | 'revoked_by_support'
  | 'signed_out_elsewhere'
  | 'password_reset'
  | 'password_changed'
  | 'password_disabled'
  | 'account_locked'
  | 'account_suspended'
  | 'account_deleted';

/** Where a sign-in came from, coarsely: the device and the approximate network. */
export interface Origin {
  /** The client's device id, or its user agent when it sends none. */
  device: string;
  /** The /24 (IPv4) or /48 (IPv6) network of the address. */
  network: string;
}

export interface LoginFailed {
  type: 'LoginFailed';
  data: { reason: 'wrong_password' };
}

export interface LoginSucceeded {
  type: 'LoginSucceeded';
  data: { sessionId: string };
}

export interface NewDeviceDetected {
  type: 'NewDeviceDetected';
  data: { sessionId: string; newDevice: boolean; newNetwork: boolean; origin: Origin };
}

export interface SessionStarted {
  type: 'SessionStarted';
  data: { sessionId: string; tokenHash: string; expiresAt: string; idleTimeoutSeconds: number; origin: Origin | null };
}

/** The session was used (introspected); recorded at most every few minutes per session. */
export interface SessionSeen {
  type: 'SessionSeen';
  data: { sessionId: string };
}

export interface SessionRevoked {
  type: 'SessionRevoked';
  data: { sessionId: string; reason: SessionEndReason };
}

export type SignInEvent =
  | LoginFailed
  | LoginSucceeded
  | NewDeviceDetected
  | SessionStarted
  | SessionSeen
  | SessionRevoked;

/** Each event's current schema version and the fields the codec encrypts. */
export const SIGN_IN_EVENTS: EventSchemas<SignInEvent> = {
  LoginFailed: { version: 1, personal: [] },
  LoginSucceeded: { version: 1, personal: [] },
  NewDeviceDetected: { version: 1, personal: ['origin'] },
  SessionStarted: { version: 1, personal: ['origin'] },
  SessionSeen: { version: 1, personal: [] },
  SessionRevoked: { version: 1, personal: [] },
};

export const isSignInEvent = isOneOf<SignInEvent>(SIGN_IN_EVENTS);
