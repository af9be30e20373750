import type { Position } from '@warden/shared/envelope';

export interface SessionIssued {
  result: 'session';
  sessionId: string;
  sessionToken: string;
  accountId: string;
  expiresAt: string;
  position?: Position;
}

export interface SecondFactorRequired {
  result: 'second_factor_required';
  challengeToken: string;
  methods: ['totp', 'recovery_code'];
  expiresAt: string;
  position?: Position;
}

export type LoginResult = SessionIssued | SecondFactorRequired;
