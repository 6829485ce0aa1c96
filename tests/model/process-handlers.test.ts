import { readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Context } from '../../src/model/ast.js';
import { MAX_DEPTH, applicationLogsProcessEvent, applicationLogsRejections, entryPoints, packageRoot } from '../../src/model/process-handlers.js';
import { probe } from '../helpers/probe.js';
import { tempProject } from '../helpers/temp-project.js';

const { tree } = tempProject('process-handlers-');

/** A project under `base/name` from a map of relative paths to texts. */
const project = (name: string, files: Record<string, string>): string => tree(name, files);

/** The answers for a file linted at `root/file` with `code`. */
function ask(root: string, file: string, code = 'run();\n', settings: Record<string, unknown> = {}) {
  let answers: { rejection: boolean; exception: boolean; logs: boolean } | null = null;
  probe(
    code,
    (context: Context) => ({
      Program() {
        answers = {
          rejection: applicationLogsProcessEvent(context, 'unhandledRejection'),
          exception: applicationLogsProcessEvent(context, 'uncaughtException'),
          logs: applicationLogsRejections(context),
        };
      },
    }),
    { filename: join(root, file), cwd: root, sourceType: 'commonjs', settings },
  );
  return answers!;
}

// Ghost's shape: no `main`, `index.js` requires the boot file, which logs each rejection with the error.
const ghost = project('ghost', {
  'package.json': JSON.stringify({ name: 'ghost' }),
  'index.js': "const mode = process.argv[2];\nif (mode === 'repl') require('./core/cli/command').run(mode);\nelse require('./core/boot')();\n",
  'core/boot.js': "const logging = require('@tryghost/logging');\nmodule.exports = function boot() {\n  process.on('unhandledRejection', (error) => {\n    logging.error('Unhandled rejection:', error);\n  });\n  require('./server');\n};\n",
  'core/server/services/milestones.js': 'module.exports = {};\n',
  // A forked child of the same package: the parent's handler is not in its process.
  'core/server/workers/renewer.js': "process.on('message', async (msg) => { await renew(msg); });\n",
});

// Kuzzle's shape: the handler sits in a class method, four requires below `dist/index.js`, and logs `${reason.stack}`.
const kuzzle = project('kuzzle', {
  'package.json': JSON.stringify({ name: 'kuzzle', main: './dist/index.js' }),
  'dist/index.js': 'exports.Backend = require("./lib/core/backend").Backend;\nrequire("./lib/util/mutex");\n',
  'dist/lib/util/mutex.js': 'module.exports = {};\n',
  'dist/lib/core/backend/index.js': 'module.exports = require("./backend");\n',
  'dist/lib/core/backend/backend.js': 'const kuzzle_1 = __importDefault(require("../../kuzzle"));\n',
  'dist/lib/kuzzle/index.js': 'const kuzzle_1 = require("./kuzzle");\n',
  'dist/lib/kuzzle/kuzzle.js':
    'class Kuzzle {\n  registerSignalHandlers() {\n    process.on("unhandledRejection", (reason, promise) => {\n      if (reason instanceof Error) this.log.error(`ERROR: unhandledRejection: ${reason.message}. Reason: ${reason.stack}`);\n      else this.log.error(`ERROR: unhandledRejection: ${reason}`);\n    });\n    process.on("uncaughtException", (err) => {\n      this.log.error(`ERROR: uncaughtException: ${err.message}`);\n    });\n  }\n}\nmodule.exports = { Kuzzle };\n',
  'dist/lib/cluster/node.js': 'module.exports = {};\n',
});

// Unleash's shape: `exports` names the server file, whose start function installs a handler logging the error.
const unleash = project('unleash', {
  'package.json': JSON.stringify({ name: 'unleash-server', exports: { '.': { require: './dist/lib/server-impl.js' } } }),
  'dist/lib/server-impl.js':
    "async function start(config) {\n  const logger = config.getLogger('server-impl.js');\n  process.on('unhandledRejection', (reason) => {\n    if (reason instanceof Error) logger.error('Unhandled promise rejection detected', reason);\n    else logger.error(`Unhandled promise rejection detected: ${String(reason)}`);\n  });\n}\nmodule.exports = { start };\n",
  'dist/lib/metrics.js': 'module.exports = {};\n',
});

// A handler that logs only the text of the reason, and one that logs nothing.
const textOnly = project('text-only', {
  'package.json': JSON.stringify({ name: 'text-only', main: 'server.js' }),
  'server.js': "import './boot.js';\n",
  'boot.js': "process.on('unhandledRejection', (reason) => {\n  logger.error(`Unhandled rejection: ${reason}`);\n  logger.error('Unhandled rejection: ' + String(reason), reason.message);\n});\n",
  'src/jobs.js': 'export {};\n',
});

// Etherpad's shape: the handler logs the stack at debug level (filtered out in production) and rethrows.
const debugOnly = project('debug-only', {
  'package.json': JSON.stringify({ name: 'pad', main: 'node/server.js' }),
  'node/server.js': "process.on('unhandledRejection', (err) => {\n  logger.debug(`unhandled rejection: ${err.stack || err}`);\n  throw err;\n});\n",
  'node/utils/run_cmd.js': 'module.exports = {};\n',
});

// Signal K's shape: the handler logs a `const` alias of the reason.
const alias = project('alias', {
  'package.json': JSON.stringify({ name: 'signalk-server', main: 'dist/index.js' }),
  'dist/index.js':
    "process.on('unhandledRejection', (reason) => {\n  const err = reason instanceof Error ? reason : new Error(String(reason));\n  console.error('Unhandled rejection:', err);\n  const code = reason.code;\n});\n",
  'dist/interfaces/appstore.js': 'module.exports = {};\n',
});
// … and one logging only a detail of the reason through a `const`.
const detail = project('detail', {
  'package.json': JSON.stringify({ name: 'detail', main: 'index.js' }),
  'index.js': "process.on('unhandledRejection', (reason) => {\n  const code = reason.code;\n  console.error('Unhandled rejection:', code);\n});\n",
  'jobs.js': 'module.exports = {};\n',
});
// Saltcorn's shape: `main` is a library file; the server's `serve.js` installs the handler.
const serve = project('serve', {
  'package.json': JSON.stringify({ name: '@saltcorn/server', main: 'index.js' }),
  'index.js': 'module.exports = {};\n',
  'serve.js': "module.exports = async () => {\n  process.on('unhandledRejection', (reason, p) => {\n    console.error(reason, 'Unhandled Rejection at Promise');\n  });\n};\n",
  'routes/admin.js': 'module.exports = {};\n',
});
// Flowise's shape: an oclif CLI whose bin only calls `oclif.run()`; the base command class of the
// commands directory named in package.json installs the handler. Without the `oclif` field nothing reaches it.
const oclifFiles: Record<string, string> = {
  'bin/run': "#!/usr/bin/env node\nconst oclif = require('@oclif/core');\noclif.run().catch(require('@oclif/core/handle'));\n",
  'dist/index.js': 'exports.start = async () => {};\n',
  'dist/commands/base.js':
    "class BaseCommand {\n  async init() {\n    process.on('unhandledRejection', (err) => {\n      logger_1.default.error('unhandledRejection: ', err);\n    });\n  }\n}\nexports.BaseCommand = BaseCommand;\n",
  'dist/commands/base.d.ts': 'export declare class BaseCommand {}\n',
  'dist/commands/start.js': "const base_1 = require('./base');\nclass Start extends base_1.BaseCommand {}\nexports.default = Start;\n",
  'dist/utils/rateLimit.js': 'module.exports = {};\n',
};
const oclifCli = project('oclif', { ...oclifFiles, 'package.json': JSON.stringify({ name: 'flowise', main: 'dist/index', bin: { flowise: './bin/run' }, oclif: { bin: 'flowise', commands: './dist/commands' } }) });
const oclifTarget = project('oclif-target', { ...oclifFiles, 'package.json': JSON.stringify({ name: 'cli', bin: './bin/run', oclif: { commands: { strategy: 'pattern', target: './dist/commands' } } }) });
const noOclif = project('no-oclif', { ...oclifFiles, 'package.json': JSON.stringify({ name: 'flowise', main: 'dist/index', bin: { flowise: './bin/run' } }) });

// The handler one level too deep for the search.
const deepFiles: Record<string, string> = { 'package.json': JSON.stringify({ name: 'deep', main: 'index.js' }) };
for (let i = 0; i <= MAX_DEPTH; i++) deepFiles[i === 0 ? 'index.js' : `level${i}.js`] = `require('./level${i + 1}');\n`;
deepFiles[`level${MAX_DEPTH + 1}.js`] = "process.on('unhandledRejection', (e) => console.error(e));\n";
const deep = project('deep', deepFiles);

// TypeScript's output of `import process from 'process'` in the boot file: the same handler as `process.on(…)`.
const compiledBoot = project('compiled-boot', {
  'package.json': JSON.stringify({ name: 'compiled', main: 'dist/index.js' }),
  'dist/index.js':
    "const process_1 = __importDefault(require(\"process\"));\nconst logger_1 = __importDefault(require(\"./logger\"));\nprocess_1.default.on('unhandledRejection', (reason) => {\n  logger_1.default.error('Unhandled rejection', reason);\n});\nrequire('./jobs');\n",
  'dist/jobs.js': 'module.exports = {};\n',
});

describe('applicationLogsProcessEvent: a process handler another file of the application installs', () => {
  it("reads the compiled `process_1.default.on('unhandledRejection', …)` as process.on", () => {
    expect(ask(compiledBoot, 'dist/jobs.js')).toMatchObject({ rejection: true, logs: true });
  });

  it('follows the entry points through relative requires to a handler that logs the error (Ghost, Kuzzle, Unleash)', () => {
    expect(ask(ghost, 'core/server/services/milestones.js')).toMatchObject({ rejection: true, exception: false, logs: true });
    expect(ask(kuzzle, 'dist/lib/cluster/node.js')).toMatchObject({ rejection: true, logs: true });
    expect(ask(unleash, 'dist/lib/metrics.js')).toMatchObject({ rejection: true, logs: true });
  });

  it('follows a const alias of the reason (Signal K), not a detail of it', () => {
    expect(ask(alias, 'dist/interfaces/appstore.js').rejection).toBe(true);
    expect(ask(detail, 'jobs.js').rejection).toBe(false);
  });

  it('starts from the common server entry names too (`serve.js`)', () => {
    expect(ask(serve, 'routes/admin.js').rejection).toBe(true);
  });

  it("starts from an oclif CLI's command files (`oclif.commands` in package.json), not without it", () => {
    expect(ask(oclifCli, 'dist/utils/rateLimit.js').rejection).toBe(true);
    expect(ask(oclifTarget, 'dist/utils/rateLimit.js').rejection).toBe(true);
    expect(ask(noOclif, 'dist/utils/rateLimit.js').rejection).toBe(false);
  });

  it('needs the stack: a handler logging only the message or the text of the reason does not count', () => {
    // Kuzzle's uncaughtException handler logs `${err.message}` only.
    expect(ask(kuzzle, 'dist/lib/cluster/node.js').exception).toBe(false);
    expect(ask(textOnly, 'src/jobs.js')).toMatchObject({ rejection: false, logs: false });
    // … and so does one that logs the stack only at debug level
    expect(ask(debugOnly, 'node/utils/run_cmd.js')).toMatchObject({ rejection: false, logs: false });
  });

  it('a file running as a process of its own (a forked child) starts from itself', () => {
    expect(ask(ghost, 'core/server/workers/renewer.js', "process.on('message', async (msg) => { await renew(msg); });\n").rejection).toBe(false);
  });

  it('stops after MAX_DEPTH requires', () => {
    expect(ask(deep, 'level1.js').rejection).toBe(false);
  });

  it('the logsUnhandledRejections setting forces the answer either way', () => {
    expect(ask(ghost, 'core/server/services/milestones.js', 'run();\n', { 'security-logging': { logsUnhandledRejections: false } }).logs).toBe(false);
    expect(ask(textOnly, 'src/jobs.js', 'run();\n', { 'security-logging': { logsUnhandledRejections: true } }).logs).toBe(true);
  });

  it('a handler in the linted file counts without any other file', () => {
    const code = "process.on('unhandledRejection', (err) => { logger.error({ err }, 'unhandled rejection'); });\n";
    expect(ask(textOnly, 'src/jobs.js', code).logs).toBe(true);
    const textCode = "process.on('unhandledRejection', (err) => { logger.error(`unhandled rejection: ${err}`); });\n";
    expect(ask(textOnly, 'src/jobs.js', textCode).logs).toBe(false);
    // an Error under a key an imported logger prints as {} (pino keeps only \`err\`); \`err\` itself and console keep it
    const hidden = "const { logger } = require('#logger');\nprocess.on('unhandledRejection', (reason) => { logger.warn({ reason }, 'unhandled rejection'); });\n";
    expect(ask(textOnly, 'src/jobs.js', hidden).logs).toBe(false);
    expect(ask(textOnly, 'src/jobs.js', hidden.replace('{ reason }', '{ err: reason }')).logs).toBe(true);
    expect(ask(textOnly, 'src/jobs.js', "process.on('unhandledRejection', (reason) => { console.error({ reason }); });\n").logs).toBe(true);
  });
});

describe('applicationLogsProcessEvent: the answer kept between files', () => {
  it('searches again when a file it read has changed', () => {
    const root = project('changing', {
      'package.json': JSON.stringify({ name: 'changing', main: 'index.js' }),
      'index.js': "require('./boot');\n",
      'boot.js': "process.on('unhandledRejection', (e) => console.error(e));\n",
      'jobs.js': 'module.exports = {};\n',
    });
    // One configuration (one context's settings and language options), asked before and after the edit.
    const answers: boolean[] = [];
    probe(
      'run();\n',
      (context: Context) => ({
        Program() {
          answers.push(applicationLogsProcessEvent(context, 'unhandledRejection'));
          answers.push(applicationLogsProcessEvent(context, 'unhandledRejection'));
          const later = new Date(Date.now() + 60_000);
          writeFileSync(join(root, 'boot.js'), "process.on('unhandledRejection', (e) => console.error(`unhandled: ${e}`));\n");
          utimesSync(join(root, 'boot.js'), later, later);
          answers.push(applicationLogsProcessEvent(context, 'unhandledRejection'));
        },
      }),
      { filename: join(root, 'jobs.js'), cwd: root, sourceType: 'commonjs' },
    );
    expect(answers).toEqual([true, true, false]);
  });

  it('is shared by files whose configuration has no settings (ESLint hands each file a fresh `{}`)', () => {
    const root = project('no-settings', {
      'package.json': JSON.stringify({ name: 'no-settings', main: 'index.js' }),
      'index.js': "process.on('unhandledRejection', (e) => console.error(e));\n",
      'jobs.js': 'module.exports = {};\n',
    });
    const entry = join(root, 'index.js');
    const answers: boolean[] = [];
    probe(
      'run();\n',
      (context: Context) => ({
        Program() {
          // Two files of one configuration without `settings`: each gets its own empty settings object.
          const file = (settings: object): Context => Object.create(context, { settings: { value: settings } }) as Context;
          const stamp = new Date(Math.floor(Date.now() / 1000) * 1000 - 60_000);
          utimesSync(entry, stamp, stamp);
          answers.push(applicationLogsProcessEvent(file({}), 'unhandledRejection'));
          // An edit that keeps the size and modification time is invisible to the kept answer: the second
          // file gets the first file's search, not a new one (which would read the edit and answer false).
          const quiet = "process.on('unhandledRejection', (e) => void e);";
          writeFileSync(entry, `${quiet}${' '.repeat(readFileSync(entry, 'utf8').length - quiet.length - 1)}\n`);
          utimesSync(entry, stamp, stamp);
          answers.push(applicationLogsProcessEvent(file({}), 'unhandledRejection'));
          // Settings of this plugin are a different configuration: searched afresh, the edit is read.
          answers.push(applicationLogsProcessEvent(file({ 'security-logging': { loggers: ['audit'] } }), 'unhandledRejection'));
        },
      }),
      { filename: join(root, 'jobs.js'), cwd: root, sourceType: 'commonjs' },
    );
    expect(answers).toEqual([true, true, false]);
  });

  it('is not shared between configurations: other logger settings search afresh', () => {
    const root = project('audit', {
      'package.json': JSON.stringify({ name: 'audit', main: 'index.js' }),
      'index.js': "process.on('unhandledRejection', (e) => tracker.error(e));\n",
      'jobs.js': 'module.exports = {};\n',
    });
    expect(ask(root, 'jobs.js').rejection).toBe(false);
    expect(ask(root, 'jobs.js', 'run();\n', { 'security-logging': { loggers: ['tracker'] } }).rejection).toBe(true);
    expect(ask(root, 'jobs.js').rejection).toBe(false);
  });
});

describe('packageRoot / entryPoints', () => {
  it('finds the nearest package.json and the entry files that exist', () => {
    expect(packageRoot(join(kuzzle, 'dist', 'lib', 'cluster'))).toBe(kuzzle);
    expect(entryPoints(kuzzle)).toEqual([join(kuzzle, 'dist', 'index.js')]);
    expect(entryPoints(unleash)).toEqual([join(unleash, 'dist', 'lib', 'server-impl.js')]);
    expect(entryPoints(ghost)).toEqual([join(ghost, 'index.js')]);
    // the command files of an oclif CLI, after the manifest's and the common entry files (no declarations)
    expect(entryPoints(oclifCli)).toEqual([
      join(oclifCli, 'dist', 'index.js'),
      join(oclifCli, 'bin', 'run'),
      join(oclifCli, 'dist', 'commands', 'base.js'),
      join(oclifCli, 'dist', 'commands', 'start.js'),
    ]);
  });
});
