import type { Type } from '@nestjs/common';

/** The lifecycle use cases' command and query handlers, registered by ApplicationModule. */
export const LIFECYCLE_HANDLERS: Type[] = [];
