import { unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Context } from '../../src/model/ast.js';
import { type Importer, projectImporters } from '../../src/model/project-index.js';
import { probe } from '../helpers/probe.js';
import { tempProject } from '../helpers/temp-project.js';

const { tree } = tempProject('project-importers-');

/** The importers of `root/file`, as the model answers while that file is linted. */
function ask(root: string, file: string): readonly Importer[] | null {
  let answer: readonly Importer[] | null | undefined;
  probe(
    'export default {};\n',
    (context: Context) => ({
      Program() {
        answer = projectImporters(context);
      },
    }),
    { filename: join(root, file), cwd: root },
  );
  return answer!;
}

const files = (importers: readonly Importer[] | null) => (importers === null ? null : importers.map((i) => i.file).sort());

const api = tree('api', {
  'package.json': JSON.stringify({ name: 'api' }),
  'src/index.ts': "import { Hono } from 'hono';\nimport items from './routes/items';\nimport users from '@/routes/users';\nconst app = new Hono();\napp.route('/items', items);\napp.route('/users', users);\nexport default app;\n",
  'src/routes/items.ts': 'export default {};\n',
  'src/routes/users/index.ts': 'export default {};\n',
  'src/routes/orders.ts': 'export default {};\n',
  'src/routes/orders.test.ts': "import orders from './orders';\n",
  'src/server.js': "const app = require('./lib/app.js');\napp.listen(3000);\n",
  'src/lib/app.ts': 'export default {};\n',
  'packages/inner/package.json': JSON.stringify({ name: 'inner' }),
  'packages/inner/uses.js': "require('../../src/routes/orders');\n",
  'node_modules/pkg/index.js': "require('../../src/routes/orders');\n",
});

describe('projectImporters', () => {
  it('finds a file imported by a relative specifier, with the specifier used', () => {
    expect(ask(api, 'src/routes/items.ts')).toEqual([{ file: join(api, 'src', 'index.ts'), specifiers: ['./routes/items'] }]);
  });

  it('finds a directory index imported by an alias whose path ends the file path', () => {
    expect(files(ask(api, 'src/routes/users/index.ts'))).toEqual([join(api, 'src', 'index.ts')]);
  });

  it('resolves a `.js` specifier written for a TypeScript source', () => {
    expect(files(ask(api, 'src/lib/app.ts'))).toEqual([join(api, 'src', 'server.js')]);
  });

  it('counts no test file, nested package or node_modules file as an importer', () => {
    expect(ask(api, 'src/routes/orders.ts')).toEqual([]);
  });

  it('answers an empty list for an entry nobody imports', () => {
    expect(ask(api, 'src/index.ts')).toEqual([]);
  });

  it('answers unknown for a file the tree does not hold, and outside any package', () => {
    expect(ask(api, 'src/routes/unsaved.ts')).toBeNull();
    expect(ask('/nonexistent-project-dir', 'src/index.ts')).toBeNull();
  });

  it('indexes afresh when a file changes or is added', () => {
    const root = tree('changing', {
      'package.json': JSON.stringify({ name: 'changing' }),
      'index.js': 'module.exports = 1;\n',
      'routes.js': 'module.exports = {};\n',
    });
    expect(ask(root, 'routes.js')).toEqual([]);
    writeFileSync(join(root, 'index.js'), "const routes = require('./routes');\nmodule.exports = routes;\n");
    utimesSync(join(root, 'index.js'), new Date(), new Date(Date.now() + 5000));
    expect(files(ask(root, 'routes.js'))).toEqual([join(root, 'index.js')]);
    writeFileSync(join(root, 'other.js'), "require('./routes.js');\n");
    expect(files(ask(root, 'routes.js'))).toEqual([join(root, 'index.js'), join(root, 'other.js')]);
    unlinkSync(join(root, 'other.js'));
    expect(files(ask(root, 'routes.js'))).toEqual([join(root, 'index.js')]);
  });
});
