import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const STYLESHEET_PATH = '/assets/warden.css';
export const SCRIPT_PATH = '/assets/warden.js';

export interface Asset {
  contentType: string;
  body: Buffer;
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  css: 'text/css; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
};

/**
 * The files of `assets/` (next to this module; scripts/copy-assets.js copies them into
 * dist), read once: the pages load nothing from outside the service.
 */
export function loadAssets(names: readonly string[] = ['warden.css', 'warden.js']): ReadonlyMap<string, Asset> {
  const dir = join(__dirname, 'assets');
  return new Map(
    names.map((name) => {
      const type = CONTENT_TYPES[name.split('.').pop() ?? ''];
      if (!type) throw new Error(`no content type for asset ${name}`);
      return [name, { contentType: type, body: readFileSync(join(dir, name)) }];
    }),
  );
}
