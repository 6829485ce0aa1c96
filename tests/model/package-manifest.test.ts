import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { packageDependencies } from '../../src/model/package-manifest.js';
import { probe } from '../helpers/probe.js';

/** packageDependencies of a file linted under `filename`, sorted. */
function deps(filename: string, cwd?: string): string[] {
  let out: string[] = [];
  probe('const a = 1;', (context) => ({
    Program() {
      out = [...packageDependencies(context)].sort();
    },
  }), { filename, ...(cwd ? { cwd } : {}) });
  return out;
}

describe('packageDependencies', () => {
  const dir = mkdtempSync(join(tmpdir(), 'package-manifest-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  // @backstage/plugin-signals-backend's manifest (trimmed): a service file under dist/service/
  const plugin = join(dir, 'signals');
  mkdirSync(join(plugin, 'dist', 'service'), { recursive: true });
  writeFileSync(join(plugin, 'package.json'), JSON.stringify({
    name: '@backstage/plugin-signals-backend',
    dependencies: { '@backstage/backend-plugin-api': '^1.4.0', ws: '^8.18.0' },
    peerDependencies: { express: '^4' },
    devDependencies: { '@backstage/cli': '^0.33.0' },
  }));
  const broken = join(dir, 'broken');
  mkdirSync(broken);
  writeFileSync(join(broken, 'package.json'), '{ not json');

  it('reads the nearest package.json: dependencies and peer dependencies, not dev dependencies', () => {
    expect(deps(join(plugin, 'dist', 'service', 'SignalManager.cjs.js'), dir)).toEqual(['@backstage/backend-plugin-api', 'express', 'ws']);
  });

  it('reads a relative file name against the working directory', () => {
    expect(deps(join('dist', 'service', 'router.cjs.js'), plugin)).toEqual(['@backstage/backend-plugin-api', 'express', 'ws']);
  });

  it('answers no dependencies for unreadable manifests and files without a name', () => {
    expect(deps(join(broken, 'index.js'), dir)).toEqual([]);
    expect(deps('<input>')).toEqual([]);
  });
});
