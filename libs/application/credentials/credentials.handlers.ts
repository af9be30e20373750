import type { Type } from '@nestjs/common';
import { IntrospectCredentialHandler } from './introspect-credential.handler';
import { IssueCredentialHandler } from './issue-credential.handler';
import { RegenerateCredentialHandler } from './regenerate-credential.handler';
import { RevokeCredentialHandler } from './revoke-credential.handler';

/** Integration credentials: the area's command and query handlers, registered by ApplicationModule (the list query is the read model's). */
export const CREDENTIALS_HANDLERS: Type[] = [
  IntrospectCredentialHandler,
  IssueCredentialHandler,
  RegenerateCredentialHandler,
  RevokeCredentialHandler,
];
