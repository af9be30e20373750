import { renderMail } from './mail-templates';

describe('renderMail', () => {
  it('keeps every value on one line: a name with CR/LF adds no line (nor header) to the mail', () => {
    const mail = renderMail('verify-email', {
      displayName: 'Ann\r\nBcc: victim@example.com\u2028\u202Eeel',
      link: 'http://warden.test/verify-email?token=t',
      validFor: '2 hours',
    });
    expect(mail.text).toContain('Hello Ann Bcc: victim@example.com eel,');
    expect(mail.text.split('\n').some((line) => line.startsWith('Bcc:'))).toBe(false);
    expect(mail.html).not.toMatch(/[\r\u2028\u202E]/);
    expect(mail.text).toContain('valid for 2 hours');
  });
});
