/**
 * src/model/global-filters.ts: the filters a NestJS application registers for every request
 * (`useGlobalFilters(new X())`, `{ provide: APP_FILTER, useClass: X }`), found from its entry points and read
 * in the module that declares them; what counts for nothing (a package's filter, a factory, no `@Catch`).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Context } from '../../src/model/ast.js';
import { applicationFilterAudits } from '../../src/model/global-filters.js';
import { probe } from '../helpers/probe.js';
import { tempProject } from '../helpers/temp-project.js';

const { tree } = tempProject('global-filters-');

const filter = (name: string, decorator = '@Catch()') =>
  `import { Catch, Logger } from '@nestjs/common';\n${decorator}\nexport class ${name} {\n  private readonly logger = new Logger('x');\n  catch(exception, host) {\n    this.logger.error(exception.message);\n  }\n}\n`;

/** The number of registered filter audits the application of `root/file` has, and their log counts. */
function audits(root: string, file: string): number[] {
  let found: number[] = [];
  probe(
    'export {};\n',
    (context: Context) => ({
      Program() {
        found = applicationFilterAudits(context).map((a) => a.audit.logs.length);
      },
    }),
    { ts: true, filename: join(root, file), cwd: root },
  );
  return found;
}

describe('applicationFilterAudits', () => {
  it('finds useGlobalFilters and APP_FILTER registrations through relative imports', () => {
    const root = tree('both', {
      'package.json': JSON.stringify({ name: 'both', main: 'src/main.ts' }),
      'src/main.ts': "import { AppModule } from './app.module';\nimport { A } from './a.filter';\napp.useGlobalFilters(new A());\n",
      'src/app.module.ts': "import { APP_FILTER } from '@nestjs/core';\nimport { B as Renamed } from './b.filter';\nexport const providers = [{ provide: APP_FILTER, useClass: Renamed }];\n",
      'src/a.filter.ts': filter('A'),
      'src/b.filter.ts': filter('B'),
    });
    expect(audits(root, 'src/x/service.ts')).toEqual([1, 1]);
  });

  it('reads a filter declared in the registering file and one required as a namespace', () => {
    const root = tree('own-and-namespace', {
      'package.json': JSON.stringify({ name: 'own', main: 'dist/main.js' }),
      'dist/main.js': `const f_1 = require("./f");\n${filter('Own')}app.useGlobalFilters(new Own(), new f_1.Other());\n`,
      'dist/f.js': filter('Other'),
    });
    expect(audits(root, 'dist/service.js')).toEqual([1, 1]);
  });

  it('counts nothing for a package filter, a factory, a filter without @Catch, a class not found or one registered under a condition', () => {
    const root = tree('nothing', {
      'package.json': JSON.stringify({ name: 'nothing', main: 'src/main.ts' }),
      'src/main.ts':
        "import { SentryFilter } from '@sentry/nestjs';\nimport { makeFilter } from './factory';\nimport { Plain, Missing } from './plain';\napp.useGlobalFilters(new SentryFilter(), makeFilter(), new Plain(), new Missing());\nimport { Logged } from './logged';\nif (config.logExceptions) app.useGlobalFilters(new Logged());\n",
      'src/logged.ts': filter('Logged'),
      'src/factory.ts': `${filter('Made')}export const makeFilter = () => new Made();\n`,
      'src/plain.ts': filter('Plain', ''),
    });
    expect(audits(root, 'src/service.ts')).toEqual([]);
  });
});
