import type { Rule } from 'eslint';

/** The rule of layer-import-paths.js (a CommonJS module, so eslint.config.mjs and jest both load it). */
declare const layerImportPaths: Rule.RuleModule;
export = layerImportPaths;
