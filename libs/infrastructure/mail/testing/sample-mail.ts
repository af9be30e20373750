import { MailMessage } from '../mailer.port';

export const VERIFY_LINK = 'http://localhost:3000/verify-email?token=Zm9vYmFy_-0123456789abcdef';

/** A realistic mail: a link with '=' and '?' (mangled if QP is not decoded), accents, a long HTML line. */
export function sampleMail(overrides: Partial<MailMessage> = {}): MailMessage {
  return {
    id: '6f1c2a9e-0d4b-4e6a-9b8f-3c2d1e0f9a7b',
    to: 'ada@example.com',
    subject: 'Vérifiez votre adresse e-mail',
    text: `Bonjour Ada,\n\nConfirmez votre adresse : ${VERIFY_LINK}\n`,
    html: `<p>Bonjour Ada,</p><p>Confirmez votre adresse en suivant <a href="${VERIFY_LINK}">ce lien sécurisé</a>. ${'Ce lien expire dans 24 heures. '.repeat(4)}</p>`,
    ...overrides,
  };
}
