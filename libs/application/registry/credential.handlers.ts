import type { Type } from '@nestjs/common';

/** The credential use cases' command and query handlers, registered by ApplicationModule. */
export const CREDENTIAL_HANDLERS: Type[] = [];
