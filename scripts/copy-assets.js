// tsc compiles code only: copy the mail templates next to the compiled worker…
const { cpSync } = require('node:fs');
const { join } = require('node:path');
const root = join(__dirname, '..');
cpSync(join(root, 'apps/worker/mail/templates'), join(root, 'dist/apps/worker/mail/templates'), { recursive: true });
// …and the HTML pages' stylesheet and script next to the compiled apps/web/shared.
cpSync(join(root, 'apps/web/shared/assets'), join(root, 'dist/apps/web/shared/assets'), { recursive: true });
