import type { Provider } from '@nestjs/common';
import type { WardenConfig } from '@warden/infrastructure/config/warden-config';
import { ServiceKeys } from '@warden/infrastructure/crypto/service-keys';
import { WARDEN_CONFIG } from '@warden/infrastructure/tokens';
import { CsrfTokens } from './csrf';

/** Cookies are `Secure` when the pages are reached over https (PUBLIC_URL says how). */
export const isSecureSite = (config: WardenConfig): boolean => config.publicUrl.startsWith('https:');

export const csrfTokensProvider: Provider = {
  provide: CsrfTokens,
  inject: [ServiceKeys, WARDEN_CONFIG],
  useFactory: (keys: ServiceKeys, config: WardenConfig) => new CsrfTokens(keys.csrfKey, isSecureSite(config)),
};
