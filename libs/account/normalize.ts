/** Emails compare case-insensitively after trimming and Unicode NFC (contract §2). */
export function normalizeEmail(email: string): string {
  return email.trim().normalize('NFC').toLowerCase();
}

/** Usernames are unique case-insensitively. */
export function normalizeUsername(username: string): string {
  return username.trim().normalize('NFC').toLowerCase();
}
