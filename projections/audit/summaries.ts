import type { AccountEvent } from '../../libs/account/account.events';

/** Plain-words summaries, for support staff. No secret or hash ever appears here. */
export function summarize(event: AccountEvent): string {
  switch (event.type) {
    case 'AccountRegistered':
      return 'Account registered';
    case 'EmailVerificationRequested':
      return 'Email verification link sent';
    case 'EmailVerified':
      return 'Email address verified';
    case 'LoginFailed':
      return 'Sign-in failed: wrong password';
    case 'LoginSucceeded':
      return 'Signed in';
    case 'SessionStarted':
      return 'Session started';
    case 'SessionRevoked':
      return `Session ended (${event.data.reason.replace(/_/g, ' ')})`;
    default: {
      const unhandled: never = event;
      return String((unhandled as { type: string }).type);
    }
  }
}
