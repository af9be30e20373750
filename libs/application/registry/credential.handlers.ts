import type { Type } from '@nestjs/common';
import { IssueCredentialHandler, RegenerateCredentialHandler } from '../credentials/credentials.handlers';
import { IntrospectCredentialHandler } from '../credentials/introspect-credential.handler';
import { ListCredentialsHandler } from '../credentials/list-credentials.handler';

/** The credential use cases' command and query handlers, registered by ApplicationModule. */
export const CREDENTIAL_HANDLERS: Type[] = [IssueCredentialHandler, RegenerateCredentialHandler, ListCredentialsHandler, IntrospectCredentialHandler];
