// One way to write each import (issue #11): into another layer through its alias
// (`@warden/shared/clock`), inside the file's own layer by a relative path. So a move inside a
// layer never touches the other layers, and `../../../` never climbs across a boundary. The
// layers are tsconfig.json's `paths` ("@warden/shared/*": ["./libs/shared/*"]), passed in as
// options with the folder they are relative to.
const path = require('node:path');

const JEST_MODULE_CALLS = new Set(['mock', 'doMock', 'unmock', 'dontMock', 'setMock', 'requireActual', 'requireMock', 'createMockFromModule']);

/** `require(…)`, `jest.mock(…)` and the other jest calls whose first argument names a module. */
const takesModule = (callee) =>
  (callee.type === 'Identifier' && callee.name === 'require') ||
  (callee.type === 'MemberExpression' && callee.object.type === 'Identifier' && callee.object.name === 'jest' &&
    callee.property.type === 'Identifier' && JEST_MODULE_CALLS.has(callee.property.name));

const posix = (p) => p.split(path.sep).join('/');

/** @type {import('eslint').Rule.RuleModule} */
module.exports = {
  meta: {
    type: 'suggestion',
    fixable: 'code',
    docs: { description: 'import another layer through its @warden/… alias and the own layer by a relative path' },
    schema: [
      {
        type: 'object',
        properties: { root: { type: 'string' }, paths: { type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } } } },
        required: ['root', 'paths'],
        additionalProperties: false,
      },
    ],
    messages: {
      climbsIntoLayer: "'{{specifier}}' reaches into another layer: import it as '{{wanted}}'",
      aliasInsideLayer: "'{{specifier}}' is in this file's own layer: import it by its relative path '{{wanted}}'",
    },
  },
  create(context) {
    const { root, paths } = context.options[0];
    const layers = Object.entries(paths).map(([alias, [target]]) => ({
      alias: alias.replace(/\/\*$/, ''),
      dir: path.resolve(root, target.replace(/\/\*$/, '')),
    }));
    const layerOf = (file) => layers.find((l) => file === l.dir || file.startsWith(l.dir + path.sep));
    const here = path.dirname(context.filename);
    const own = layerOf(context.filename);

    /** The specifier the rule wants, and why, or nothing when this one is right. */
    const judge = (specifier) => {
      if (specifier.startsWith('./') || specifier.startsWith('../')) {
        const target = path.resolve(here, specifier);
        const layer = layerOf(target);
        // A layer's folder itself has no alias (only "<alias>/*").
        if (!layer || layer === own || target === layer.dir) return undefined;
        return { messageId: 'climbsIntoLayer', wanted: `${layer.alias}/${posix(path.relative(layer.dir, target))}` };
      }
      const layer = layers.find((l) => specifier.startsWith(`${l.alias}/`));
      if (!layer || layer !== own) return undefined;
      const relative = posix(path.relative(here, path.join(layer.dir, specifier.slice(layer.alias.length + 1))));
      return { messageId: 'aliasInsideLayer', wanted: relative.startsWith('.') ? relative : `./${relative}` };
    };

    const check = (node) => {
      if (node?.type !== 'Literal' || typeof node.value !== 'string') return;
      const verdict = judge(node.value);
      if (!verdict) return;
      const quote = node.raw[0];
      context.report({
        node,
        messageId: verdict.messageId,
        data: { specifier: node.value, wanted: verdict.wanted },
        fix: (fixer) => fixer.replaceText(node, quote + verdict.wanted + quote),
      });
    };

    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
      TSImportType: (node) => check(node.source ?? node.argument?.literal),
      TSExternalModuleReference: (node) => check(node.expression),
      CallExpression: (node) => {
        if (takesModule(node.callee)) check(node.arguments[0]);
      },
    };
  },
};
