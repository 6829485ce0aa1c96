/**
 * Fixes compile by construction: lint TypeScript sources with every rule of the plugin (the `all`
 * config) and `eslint --fix` semantics, then type-check the fixed text and the unfixed baseline with
 * the TypeScript compiler API (`noEmit`, strict, decorators; @nestjs/common resolves from the
 * repository's devDependencies). The fixed program must have no diagnostic the baseline lacks.
 *
 * Fixtures: a Nest class without a logger (the fix adds the member and the import), a Nest
 * subclass whose base is in another module (no `this.logger` may be written), a derived-class
 * constructor with a catch before `super()`, plus the TypeScript example apps.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

const NEST = { 'security-logging': { logger: { name: 'this.logger', style: 'nest' } } };

const FIXTURES: Array<{ name: string; code: string; settings: Record<string, unknown>; expectFixed: boolean }> = [
  {
    name: 'Nest service without a logger member',
    settings: NEST,
    expectFixed: true,
    code: `import { Injectable } from '@nestjs/common';

declare function loadUserSettings(id: string): Promise<object>;

@Injectable()
export class SettingsService {
  async get(id: string): Promise<object | null> {
    try {
      return await loadUserSettings(id);
    } catch {
      return null;
    }
  }
}
`,
  },
  {
    name: 'Nest subclass whose base class lives in another module',
    settings: NEST,
    expectFixed: false,
    code: `import { Injectable } from '@nestjs/common';

declare class BaseRepository { protected find(id: string): Promise<object>; }
declare function audit(id: string): Promise<void>;

@Injectable()
export class UsersRepository extends BaseRepository {
  async findUser(id: string): Promise<object | null> {
    try {
      await audit(id);
      return await this.find(id);
    } catch {
      return null;
    }
  }
}
`,
  },
  {
    name: 'derived constructor with a catch before super()',
    settings: NEST,
    expectFixed: false,
    code: `import { Logger } from '@nestjs/common';

declare function readConfig(): string;

class Base {
  protected readonly logger = new Logger('Base');
  constructor(readonly config: string) {}
}

export class Worker extends Base {
  constructor() {
    let config = 'default';
    try {
      config = readConfig();
    } catch {}
    super(config);
  }
}
`,
  },
  ...(['pino', 'winston', 'bunyan'] as const).map((style) => ({
    name: `${style} logger with its own types`,
    settings: { 'security-logging': { logger: { name: 'logger', style } } },
    expectFixed: true,
    code: `${style === 'bunyan' ? "declare const logger: { error(...args: unknown[]): void; warn(...args: unknown[]): void; child(fields: object): typeof logger };" : `declare const logger: import('${style}').Logger;`}
declare function loadUserSettings(id: string): Promise<object>;
declare const app: { use(fn: (err: unknown, req: { method: string; originalUrl: string; path: string }, res: { status(n: number): { json(v: object): void } }, next: () => void) => void): void };

export async function settingsFor(id: string): Promise<object | null> {
  try {
    return await loadUserSettings(id);
  } catch {
    return null;
  }
}

app.use((err, req, res, next) => {
  res.status(500).json({ message: 'Internal error' });
});
`,
  })),
];

const OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  strict: true,
  experimentalDecorators: true,
  emitDecoratorMetadata: true,
  skipLibCheck: true,
  noEmit: true,
  types: ['node'],
};

/** Diagnostics of one in-memory file (its siblings come from disk), as position-free strings. */
function diagnostics(fileName: string, text: string, options: ts.CompilerOptions = OPTIONS): string[] {
  const host = ts.createCompilerHost(options);
  const read = host.readFile.bind(host);
  const getSource = host.getSourceFile.bind(host);
  host.readFile = (f) => (f === fileName ? text : read(f));
  host.fileExists = ((exists) => (f: string) => f === fileName || exists(f))(host.fileExists.bind(host));
  host.getSourceFile = (f, lang, onError, create) =>
    f === fileName ? ts.createSourceFile(f, text, lang, true) : getSource(f, lang, onError, create);
  const program = ts.createProgram([fileName], options, host);
  const source = program.getSourceFile(fileName)!;
  return [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)].map(
    (d) => `TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`,
  );
}

function fixAll(code: string, fileName: string, settings: Record<string, unknown>): string {
  const linter = new Linter({ configType: 'flat' });
  const config = [
    { files: ['**/*.ts'], languageOptions: { parser: tsParser as never } },
    ...([plugin.configs.all].flat() as Linter.Config[]),
    { settings },
  ];
  const result = linter.verifyAndFix(code, config, { filename: fileName });
  const fatal = result.messages.find((m) => m.fatal);
  if (fatal) throw new Error(`${fileName}: fixed code does not parse: ${fatal.message}`);
  return result.output;
}

/** Diagnostics of `fixed` that `baseline` does not have (counted, so a second copy of an old error is new). */
function added(baseline: string[], fixed: string[]): string[] {
  const left = [...baseline];
  return fixed.filter((d) => {
    const i = left.indexOf(d);
    if (i === -1) return true;
    left.splice(i, 1);
    return false;
  });
}

describe('fixed TypeScript fixtures type-check like their baseline', () => {
  it.each(FIXTURES.map((f) => [f.name, f] as const))('%s', (_name, fixture) => {
    const fileName = join(root, 'tests', 'fixtures', 'typecheck', `${fixture.name.replace(/\W+/gu, '-')}.ts`);
    const fixed = fixAll(fixture.code, fileName, fixture.settings);
    if (fixture.expectFixed) expect(fixed).not.toBe(fixture.code);
    if (fixture.settings === NEST) {
      if (fixture.expectFixed) expect(fixed).toMatch(/private readonly logger = new Logger\(\w+\.name\);/u);
      // No `this.logger` call where the class does not declare one or before super().
      else expect(fixed).not.toMatch(/this\.logger\.(?:error|warn)/u);
    }
    const before = diagnostics(fileName, fixture.code);
    const after = diagnostics(fileName, fixed);
    expect(added(before, after), fixed).toEqual([]);
  });
});

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return entry === 'node_modules' ? [] : tsFiles(path);
    return /\.tsx?$/u.test(entry) && !entry.endsWith('.d.ts') ? [path] : [];
  });
}

const EXAMPLES: Array<{ dir: string; settings: Record<string, unknown>; options: ts.CompilerOptions }> = [
  { dir: 'examples/nestjs-app/src', settings: NEST, options: { ...OPTIONS, module: ts.ModuleKind.CommonJS, moduleResolution: ts.ModuleResolutionKind.Node10 } },
  {
    dir: 'examples/hono-app/src',
    settings: { 'security-logging': { logger: { name: 'logger', importFrom: './src/lib/logger.js', style: 'pino' } } },
    options: OPTIONS,
  },
];

describe('fixed TypeScript examples type-check like their baseline', () => {
  const files = EXAMPLES.flatMap((e) => tsFiles(join(root, e.dir)).map((file) => [file.slice(root.length), file, e] as const));
  it.each(files)('%s', (_rel, file, example) => {
    const code = readFileSync(file, 'utf8');
    const fixed = fixAll(code, file, example.settings);
    const before = diagnostics(file, code, example.options);
    const after = diagnostics(file, fixed, example.options);
    expect(added(before, after), fixed).toEqual([]);
  });
});
