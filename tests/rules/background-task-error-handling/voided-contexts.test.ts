import { join } from 'node:path';
import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/background-task-error-handling.js';
import { tempProject } from '../../helpers/temp-project.js';

/**
 * `void call()` is the author saying "this returns a promise, and I set it aside": the rejection of
 * that promise goes unhandled wherever the call sits, not only in background callbacks and request
 * handlers. So a voided call is checked in any context (a plain function, a class method, an arrow's
 * body, the module's top level). Recommended reports it when the file shows the callee may reject (a
 * same-file async function letting a failure escape, `fetch()`); strict (`includeVoidedCalls`) also
 * when the callee is out of sight. Quiet: a `.catch` attached, a same-file callee that cannot reject
 * (sync, or async catching everything), and an application whose `process.on('unhandledRejection')`
 * handler logs the reason with its stack (recorded; strict reports it for the context it lacks).
 */
const ruleTester = new RuleTester();

const refresh = "async function refreshCache() {\n  await fetch('https://cache.internal/refresh');\n}\n";
const suggestion = (code: string, call: string, label: string) => ({
  messageId: 'addCatch' as const,
  output: code.replace(`void ${call}`, `void ${call}.catch((err) => console.error('${label} failed', err))`),
});

const inFunction = `${refresh}function onTick() {\n  void refreshCache();\n}`;
const inMethod = "class Cache {\n  async refresh() {\n    await fetch(this.url);\n  }\n  invalidate(key) {\n    this.entries.delete(key);\n    void this.refresh();\n  }\n}";
const atTopLevel = "async function main() {\n  await fetch('https://registry.internal/boot');\n}\nvoid main();";
const inArrow = `${refresh}const kick = () => void refreshCache();`;
const onFetch = "function ping(url) {\n  void fetch(url);\n}";
const unseen = "import { refreshCache } from './cache';\nfunction onTick() {\n  void refreshCache();\n}";

// A process handler that logs with the stack, in another file of the application.
const { tree: project } = tempProject('background-task-voided-');
const logged = project('logged', {
  'package.json': JSON.stringify({ name: 'svc', main: 'index.js' }),
  'index.js': "process.on('unhandledRejection', (reason) => {\n  logger.error('Unhandled rejection', reason);\n});\n",
  'lib/cache.js': 'module.exports = {};\n',
});
const cacheFile = join(logged, 'lib', 'cache.js');

ruleTester.run('background-task-error-handling (voided calls in any context)', rule, {
  valid: [
    // a .catch attached
    `${refresh}function onTick() {\n  void refreshCache().catch((err) => logger.error({ err }, 'refresh failed'));\n}`,
    // a same-file callee that cannot reject: sync, or async and catching everything
    { code: "function refreshCache() {\n  cache.clear();\n}\nfunction onTick() {\n  void refreshCache();\n}", options: [{ includeVoidedCalls: true }] },
    "async function refreshCache() {\n  try {\n    await fetch('https://cache.internal/refresh');\n  } catch (err) {\n    logger.error({ err }, 'refresh failed');\n  }\n}\nfunction onTick() {\n  void refreshCache();\n}",
    // a wait
    { code: 'function pause() {\n  void sleep(100);\n}', options: [{ includeVoidedCalls: true }] },
    // a callee out of sight: only strict guesses
    unseen,
    // a process handler in this file logs the reason with its stack
    `process.on('unhandledRejection', (reason) => {\n  logger.error('Unhandled rejection', reason);\n});\n${inFunction}`,
    // … or in another file of the application
    { filename: cacheFile, code: inMethod },
    // not voided: a statement outside any context stays a question for background work and handlers
    `${refresh}function onTick() {\n  refreshCache();\n}`,
  ],
  invalid: [
    {
      code: inFunction,
      errors: [{ messageId: 'voidedPromise', line: 5, data: { call: 'refreshCache()', context: 'function onTick' }, suggestions: [suggestion(inFunction, 'refreshCache()', 'refreshCache')] }],
    },
    {
      code: inMethod,
      errors: [{ messageId: 'voidedPromise', line: 7, data: { call: 'this.refresh()', context: 'method invalidate' }, suggestions: [suggestion(inMethod, 'this.refresh()', 'refresh')] }],
    },
    {
      code: atTopLevel,
      errors: [{ messageId: 'voidedPromise', line: 4, data: { call: 'main()', context: "the module's top level" }, suggestions: [suggestion(atTopLevel, 'main()', 'main')] }],
    },
    {
      code: inArrow,
      errors: [{ messageId: 'voidedPromise', line: 4, data: { call: 'refreshCache()', context: 'function kick' }, suggestions: [suggestion(inArrow, 'refreshCache()', 'refreshCache')] }],
    },
    {
      code: onFetch,
      errors: [{ messageId: 'voidedPromise', line: 2, data: { call: 'fetch()', context: 'function ping' }, suggestions: [suggestion(onFetch, 'fetch(url)', 'fetch')] }],
    },
    // strict: the callee out of sight counts as a promise that may reject
    {
      code: unseen,
      options: [{ includeVoidedCalls: true }],
      errors: [{ messageId: 'voidedPromise', line: 3, suggestions: [suggestion(unseen, 'refreshCache()', 'refreshCache')] }],
    },
    // strict: recorded by the process handler, but without which task failed
    {
      filename: cacheFile,
      code: inMethod,
      options: [{ includeRecordedRejections: true }],
      errors: [{ messageId: 'recordedWithoutContext', line: 7, data: { what: 'this.refresh()' }, suggestions: [suggestion(inMethod, 'this.refresh()', 'refresh')] }],
    },
  ],
});
