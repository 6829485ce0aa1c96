/**
 * Fuzzing every rule of the built plugin (dist/) with 2,000 generated programs per run: three
 * quarters from fast-check templates of the shapes the rules reason about (catch clauses, promise
 * chains, logger calls, route handlers of each framework, auth failures, background work; JS, TS,
 * JSX, CommonJS; random settings), a quarter from eslump's random programs. With fixes: no rule
 * may throw, every fix output must parse, introduce no undefined name and be idempotent, every
 * suggestion must parse.
 *
 * The seed is random per run and printed; replay a failure with `FUZZ_SEED=<seed> npx vitest run
 * tests/integration/fuzz.test.ts` or `npm run fuzz -- --seed <seed> --count 2000`. Longer runs:
 * `npm run fuzz -- --count 20000`.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../bench/corpus.mjs';
import fc from 'fast-check';
import { eslumpProgram, programArbitrary } from '../../bench/lib/fuzz-programs.mjs';
import { type FuzzResult, checkProgram, eslumpSeed, formatFailure, runFuzz, splitCount } from '../../bench/lib/fuzz-run.mjs';
import { type PluginLike, Linter } from '../../bench/lib/harness.mjs';

const PROGRAMS = 2000;
const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Math.floor(Math.random() * 2 ** 31);

async function loadBuiltPlugin(): Promise<PluginLike> {
  const entry = join(ROOT, 'dist', 'index.js');
  if (!existsSync(entry)) throw new Error('dist/ is missing: run `npm run build` first');
  return ((await import(pathToFileURL(entry).href)) as { default: PluginLike }).default;
}

describe(`fuzzing every rule (seed ${seed})`, () => {
  let plugin: PluginLike;
  let result: FuzzResult;
  const replay = `replay: FUZZ_SEED=${seed} npx vitest run tests/integration/fuzz.test.ts, or npm run fuzz -- --seed ${seed} --count ${PROGRAMS}`;

  beforeAll(async () => {
    plugin = await loadBuiltPlugin();
    const started = performance.now();
    result = runFuzz(plugin, { seed, ...splitCount(PROGRAMS) });
    console.log(`fuzz seed ${seed}: ${((performance.now() - started) / 1000).toFixed(1)}s`, result.stats, result.reportsPerRule);
  }, 600_000);

  it('generates at least 2,000 programs that parse', () => {
    const { templates, eslump, templateParseErrors } = result.stats;
    if (result.failures.length === 0) expect(templates + eslump).toBeGreaterThanOrEqual(PROGRAMS);
    // Templates are valid by construction; an unparsable one is a generator bug, shown here.
    expect(
      result.parseErrorExamples.map((e) => `${e.error}\n${e.program.code}`),
      `${templateParseErrors} unparsable template programs`,
    ).toEqual([]);
  });

  it('exercises reports, suggestions and autofixes', () => {
    expect(result.stats.reports).toBeGreaterThan(PROGRAMS / 10);
    expect(result.stats.suggestions).toBeGreaterThan(0);
    expect(result.stats.fixedPrograms).toBeGreaterThan(0);
  });

  it('no rule crashes, every fix and suggestion parses, fixes are idempotent', () => {
    expect(result.failures.map((failure) => `${formatFailure(failure)}\n${replay}`)).toEqual([]);
  });
});

/** Programs the fuzzer once broke a rule with: each must now lint cleanly. */
const REGRESSIONS: { name: string; code: string; typescript?: boolean; jsx?: boolean; sourceType?: 'module' | 'commonjs' | 'script'; settings?: Record<string, unknown> }[] = [
  {
    // Found with seed 2002: importFix put `import { createHash } from 'node:crypto'` between the decorator and `export class`.
    name: 'a suggestion that adds an import above a decorated exported class keeps the decorator on the class',
    typescript: true,
    code: "@Controller('users')\nexport class UsersController {}\n\nfastify.setErrorHandler(function (error, request, reply) {\n  request.log.error({ password });\n});\n",
  },
  {
    name: 'an autofix that imports the configured logger above a decorated exported class keeps the decorator on the class',
    typescript: true,
    settings: { 'security-logging': { logger: { name: 'logger', importFrom: './logger', style: 'pino' } } },
    code: '/** Users. */\n@Injectable()\nexport default class UsersService {\n  async loadSession(id: string) {\n    try {\n      return await this.sessions.find(id);\n    } catch (err) {\n      return null;\n    }\n  }\n}\n',
  },
  {
    // Found with seed 1091894258: the Nest logger member was written as `private readonly logger = …` in a JavaScript file.
    name: 'a fix that adds the Nest logger member to a class in a JavaScript file writes a plain class field',
    settings: { 'security-logging': { logger: { name: 'this.logger', style: 'nest' } } },
    code: "import { Logger, UnauthorizedException } from '@nestjs/common';\n\nclass AuthGuard {\n  canActivate(context) {\n    const req = context.switchToHttp().getRequest();\n    if (!req.user.isAdmin) throw new UnauthorizedException();\n    return true;\n  }\n}\n",
  },
];

describe('fuzz regressions', () => {
  const linter = new Linter();
  let plugin: PluginLike;
  beforeAll(async () => {
    plugin = await loadBuiltPlugin();
  });

  it('generates the same programs from the same seed (so a printed seed replays a failure)', () => {
    expect(fc.sample(programArbitrary(), { seed: 12345, numRuns: 20 })).toEqual(fc.sample(programArbitrary(), { seed: 12345, numRuns: 20 }));
    expect(eslumpProgram(eslumpSeed(12345, 7))).toEqual(eslumpProgram(eslumpSeed(12345, 7)));
    expect(eslumpProgram(eslumpSeed(12345, 7)).code).not.toEqual(eslumpProgram(eslumpSeed(12345, 8)).code);
  });

  for (const regression of REGRESSIONS) {
    it(regression.name, () => {
      const checked = checkProgram(linter, plugin, {
        code: regression.code,
        typescript: regression.typescript ?? false,
        jsx: regression.jsx ?? false,
        sourceType: regression.sourceType ?? 'module',
        settings: regression.settings ?? {},
      });
      expect(checked.parseError).toBeUndefined();
      // Each regression reports (so its fix or suggestion really ran) and breaks nothing.
      expect(checked.reports.filter((r) => r.fixable || r.suggestions > 0).length).toBeGreaterThan(0);
      expect(checked.problems.map((p) => `[${p.kind}] ${p.ruleId}: ${p.detail}`)).toEqual([]);
    });
  }
});
