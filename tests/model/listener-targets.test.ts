import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TSESTree } from '@typescript-eslint/utils';
import { logsOnlyThroughConsole } from '../../src/model/console-logging.js';
import { isOutgoingSocket, isTemporaryProcessListener } from '../../src/model/listener-targets.js';
import { callResult, probe, probeCalls } from '../helpers/probe.js';
import { tempProject } from '../helpers/temp-project.js';

describe('isTemporaryProcessListener', () => {
  const code = `async function close() {
  const onReject = () => { state.noReject = false; };
  process.addListener('unhandledRejection', onReject);
  await db.close();
  process.removeListener('unhandledRejection', onReject);
}
const forGood = (reason) => { state.failed = true; };
function start() { process.on('unhandledRejection', forGood); }
function stop() { process.off('unhandledRejection', forGood); }
async function other() {
  const onError = () => {};
  process.on('uncaughtException', onError);
  process.off('unhandledRejection', onError);
}`;
  const results = probeCalls(code, (context, node) => isTemporaryProcessListener(context, node));

  it('is a listener the same function detaches again', () => {
    expect(callResult(results, "process.addListener('unhandledRejection', onReject)")).toBe(true);
  });

  it('is no listener detached elsewhere, or from another event', () => {
    expect(callResult(results, "process.on('unhandledRejection', forGood)")).toBe(false);
    expect(callResult(results, "process.on('uncaughtException', onError)")).toBe(false);
  });
});

describe('isOutgoingSocket', () => {
  const answer = (code: string): boolean => {
    let result: boolean | undefined;
    probe(code, (context) => ({
      'CallExpression[callee.property.name="on"]'(node: TSESTree.CallExpression) {
        if (result === undefined) result = isOutgoingSocket(context, (node.callee as TSESTree.MemberExpression).object);
      },
    }));
    return result!;
  };

  it('is a UDP socket bound to no port or port 0, under a member path or a variable', () => {
    expect(answer("info.server = dgram.createSocket('udp4');\ninfo.server.bind(0);\ninfo.server.on('error', () => {});")).toBe(true);
    expect(answer("let server = sockets[id];\nserver = dgram.createSocket('udp4');\nserver.on('error', () => {});")).toBe(true);
    expect(answer("const server = net.connect(623, host);\nserver.on('error', () => {});")).toBe(true);
  });

  it('is no socket bound to a port of its own, nor an HTTP server', () => {
    expect(answer("let server = dgram.createSocket('udp4');\nserver.bind({ port: 514 });\nserver.on('error', () => {});")).toBe(false);
    expect(answer("let server = http.createServer(app);\nserver.on('error', () => {});")).toBe(false);
    expect(answer("server.on('error', () => {});")).toBe(false);
  });
});

describe('logsOnlyThroughConsole', () => {
  const { tree } = tempProject('console-logging-');
  const consoleApp = tree('console-app', {
    'package.json': JSON.stringify({ name: 'sync' }),
    'app.js': "console.log('start');\n",
    'util/middlewares.js': "const requestLogger = expressWinston.logger({});\n",
    'load-config.js': "debug('loading config');\n",
  });
  const loggerApp = tree('logger-app', {
    'package.json': JSON.stringify({ name: 'mesh' }),
    'app.js': "console.log('start');\n",
    'redirserver.js': "parent.authLog('http', 'listening');\n",
  });
  const answer = (code: string, root: string | null = consoleApp): boolean => {
    let result: boolean | undefined;
    probe(
      code,
      (context) => ({
        Program() {
          result = logsOnlyThroughConsole(context);
        },
      }),
      root === null ? {} : { filename: join(root, 'app.js'), cwd: root },
    );
    return result!;
  };

  it('is a file whose log calls are all console methods, in an application that logs only through console', () => {
    expect(answer("console.log('start');\ntry { run(); } catch (e) { console.error(e); }\nconst m = expressWinston.logger({});\ndebug('ready');")).toBe(true);
  });

  it('is no file that logs through anything else too, or not at all', () => {
    expect(answer("console.log('start');\nlogger.info('ready');")).toBe(false);
    expect(answer("console.log('start');\nparent.authLog('http', 'listening');")).toBe(false);
    expect(answer('run();')).toBe(false);
  });

  it('is no file of an application that logs through something else elsewhere, nor one without an application to read', () => {
    expect(answer("console.log('start');", loggerApp)).toBe(false);
    expect(answer("console.log('start');", null)).toBe(false);
  });
});
