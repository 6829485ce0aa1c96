import { join } from 'node:path';
import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/background-task-error-handling.js';
import { tempProject } from '../../helpers/temp-project.js';

/**
 * `void call()` is the author saying "this returns a promise, and I set it aside": the rejection of
 * that promise goes unhandled wherever the call sits, not only in background callbacks and request
 * handlers. With `includeVoidedCalls` (strict) a voided call is checked in any context (a plain
 * function, a class method, an arrow's body, the module's top level): when the file shows the callee may
 * reject (a same-file async function letting a failure escape, `fetch()`), and when the callee is out of
 * sight. Recommended leaves these contexts alone (on n8n, 7 of the 14 calls the file showed may reject
 * were real failures). Quiet: a `.catch` attached, a same-file callee that cannot reject (sync, or async
 * catching everything), and an application whose `process.on('unhandledRejection')` handler logs the
 * reason with its stack (recorded; `includeRecordedRejections` reports it for the context it lacks).
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

const strict: [{ includeVoidedCalls: boolean }] = [{ includeVoidedCalls: true }];

ruleTester.run('background-task-error-handling (voided calls in any context)', rule, {
  valid: [
    // recommended: no background work, handler or try around the call
    inFunction,
    inMethod,
    atTopLevel,
    inArrow,
    onFetch,
    // a .catch attached
    { code: `${refresh}function onTick() {\n  void refreshCache().catch((err) => logger.error({ err }, 'refresh failed'));\n}`, options: strict },
    // a same-file callee that cannot reject: sync, or async and catching everything
    { code: "function refreshCache() {\n  cache.clear();\n}\nfunction onTick() {\n  void refreshCache();\n}", options: [{ includeVoidedCalls: true }] },
    {
      code: "async function refreshCache() {\n  try {\n    await fetch('https://cache.internal/refresh');\n  } catch (err) {\n    logger.error({ err }, 'refresh failed');\n  }\n}\nfunction onTick() {\n  void refreshCache();\n}",
      options: strict,
    },
    // a wait
    { code: 'function pause() {\n  void sleep(100);\n}', options: [{ includeVoidedCalls: true }] },
    // a callee out of sight, in recommended
    unseen,
    // a process handler in this file logs the reason with its stack
    { code: `process.on('unhandledRejection', (reason) => {\n  logger.error('Unhandled rejection', reason);\n});\n${inFunction}`, options: strict },
    // … or in another file of the application
    { filename: cacheFile, code: inMethod, options: strict },
    // not voided: a statement outside any context stays a question for background work and handlers
    { code: `${refresh}function onTick() {\n  refreshCache();\n}`, options: strict },
    // strict, inside a try outside handlers and background work: a guess about an unseen callee is not enough there
    { code: "import { refreshCache } from './cache';\nfunction onTick() {\n  try {\n    void refreshCache();\n  } catch (err) {\n    logger.warn(err);\n  }\n}", options: strict },
  ],
  invalid: [
    {
      code: inFunction,
      options: strict,
      errors: [{ messageId: 'voidedPromise', line: 5, data: { call: 'refreshCache()', context: 'function onTick' }, suggestions: [suggestion(inFunction, 'refreshCache()', 'refreshCache')] }],
    },
    {
      code: inMethod,
      options: strict,
      errors: [{ messageId: 'voidedPromise', line: 7, data: { call: 'this.refresh()', context: 'method invalidate' }, suggestions: [suggestion(inMethod, 'this.refresh()', 'refresh')] }],
    },
    {
      code: atTopLevel,
      options: strict,
      errors: [{ messageId: 'voidedPromise', line: 4, data: { call: 'main()', context: "the module's top level" }, suggestions: [suggestion(atTopLevel, 'main()', 'main')] }],
    },
    {
      code: inArrow,
      options: strict,
      errors: [{ messageId: 'voidedPromise', line: 4, data: { call: 'refreshCache()', context: 'function kick' }, suggestions: [suggestion(inArrow, 'refreshCache()', 'refreshCache')] }],
    },
    {
      code: onFetch,
      options: strict,
      errors: [{ messageId: 'voidedPromise', line: 2, data: { call: 'fetch()', context: 'function ping' }, suggestions: [suggestion(onFetch, 'fetch(url)', 'fetch')] }],
    },
    // strict: the callee out of sight counts as a promise that may reject
    {
      code: unseen,
      options: strict,
      errors: [{ messageId: 'voidedPromise', line: 3, suggestions: [suggestion(unseen, 'refreshCache()', 'refreshCache')] }],
    },
    // strict: recorded by the process handler, but without which task failed
    {
      filename: cacheFile,
      code: inMethod,
      options: [{ includeVoidedCalls: true, includeRecordedRejections: true }],
      errors: [{ messageId: 'recordedWithoutContext', line: 7, data: { what: 'this.refresh()' }, suggestions: [suggestion(inMethod, 'this.refresh()', 'refresh')] }],
    },
  ],
});
