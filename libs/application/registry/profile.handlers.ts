import type { Type } from '@nestjs/common';

/** The profile use cases' command and query handlers, registered by ApplicationModule. */
export const PROFILE_HANDLERS: Type[] = [];
