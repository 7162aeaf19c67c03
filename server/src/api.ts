// The library API of the npm package: `import { lintText } from 'starlint'` (ESM) or
// `require('starlint')` (CommonJS). It is the engine — Markdown text and a configuration in,
// stories, findings and bank reports out, with no I/O — plus the reading of `.starlintrc.json`
// files from disk that the CLI and the language server use. Everything exported here is public:
// scripts/build.mjs bundles this file for both module systems and tsc writes its types.
export * from './engine';
export { CONFIG_FILE_NAME, findConfigFile, loadConfigFile, parseConfigFile, type ConfigFileProblem, type LoadedConfigFile } from './node/config-files';
