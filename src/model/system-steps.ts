/**
 * Does a `try` make one step into the operating system, whose error's message and code name the whole failure
 * (for `stack-loss.ts`)? One call into Node's file system, child processes or DNS; calls into the file system
 * that all work on one path (`mkdirSync(p, { recursive: true }); accessSync(p, W_OK)`: make sure a directory is
 * there and writable); or a change of the process's identity (`process.setgid(gid); process.setuid(uid)`), whose
 * error carries the system call's name (`e.syscall`) and `EPERM`.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { type Context, getCalleePath, lastName, unwrapIndirectCall } from './ast.js';
import { classifyCall } from './fallible.js';
import { systemModuleOf } from './modules.js';
import { PASSIVE_CALLS } from './stack-loss-io.js';
import { workCalls } from './stack-records.js';

/** `existsSync(p)`, `await pathExists(p)`, `(0, fs_1.existsSync)(p)`: an existence check answers, it does not fail. */
const EXISTENCE_CHECK = /^(?:existsSync|pathExists|pathExistsSync)$/u;

/** `process.setuid(uid)`, `process.setgid(gid)`, `process.initgroups(user, gid)`: the process takes another user's identity. */
const PROCESS_IDENTITY = /^process\.(?:setuid|setgid|seteuid|setegid|setgroups|initgroups)$/u;

/**
 * The try block makes one step into the system (`fs.rmSync(dir)`, `await fse.ensureDir(dir)`,
 * `execSync('systemctl start x')`, `await dns.reverse(ip)`, `mkdirSync(dir); accessSync(dir, W_OK)` on one path,
 * `process.setgid(gid); process.setuid(uid)`), besides parsing what it read, pure helpers (`path.join`,
 * `.toString()`) and `process.exit(…)`: the error's message names the path, command, host or system call and the
 * code (`ENOENT`, `EACCES`, `EPERM`, the exit status), and its stack points into Node or at this very call. Calls
 * on two paths, two commands, or any other work stay reported.
 */
export function isSingleSystemCall(context: Context, block: TSESTree.BlockStatement): boolean {
  const steps = new Set<string>();
  for (const call of workCalls(context, block)) {
    const module = systemModuleOf(context, call);
    if (module === 'fs' && EXISTENCE_CHECK.test(lastName(unwrapIndirectCall(call.callee)) ?? '')) continue;
    const path = getCalleePath(call);
    // `process.exit(1)` after what was read (a health check's answer): it ends the process, it does not fail.
    if (path === 'process.exit') continue;
    const first = call.arguments[0];
    // File-system calls on the same path are one step on that path; any other system call is a step of its own.
    if (module === 'fs' && first) steps.add(`fs ${context.sourceCode.getText(first)}`);
    else if (module !== null) steps.add(`call ${call.range[0]}`);
    else if (path !== null && PROCESS_IDENTITY.test(path)) steps.add('identity');
    // Parsing what was read, path and string helpers (`path.join`, `.toString()`): the shared answer to "what can this call fail for".
    else if (!PASSIVE_CALLS.has(classifyCall(context, call))) return false;
  }
  return steps.size === 1;
}
