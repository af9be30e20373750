import type { Type } from '@nestjs/common';
import { PreviewMailedLinkHandler } from './preview-mailed-link.handler';

/** What a mailed link's page may show before anything is submitted: the area's command and query handlers, registered by ApplicationModule. */
export const MAILED_LINKS_HANDLERS: Type[] = [
  PreviewMailedLinkHandler,
];
