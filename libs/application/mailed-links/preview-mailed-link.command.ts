import type { MailedLinkPurpose } from '../../account/mailed-link';

/** What the page of a mailed link may show before anything is submitted (nothing is appended). */
export class PreviewMailedLinkQuery {
  constructor(
    readonly token: string,
    readonly purpose: MailedLinkPurpose,
  ) {}
}
