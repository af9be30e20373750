import type { Type } from '@nestjs/common';
import { IssueCredentialHandler, RegenerateCredentialHandler } from '../credentials/credentials.handlers';
import { IntrospectCredentialHandler } from '../credentials/introspect-credential.handler';

/** The credential use cases' command and query handlers, registered by ApplicationModule. */
export const CREDENTIAL_HANDLERS: Type[] = [IssueCredentialHandler, RegenerateCredentialHandler, IntrospectCredentialHandler];
