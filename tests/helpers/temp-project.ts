/**
 * A temporary project tree on disk, for tests of recognition that reads other files of the linted
 * file's project (imported modules, package entry points, process-level handlers). The directory is
 * created under the system's temporary directory and removed after the test file's tests.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll } from 'vitest';

export interface TempProject {
  /** The temporary directory. */
  root: string;
  /** Writes `text` to `root/file`, creating its directories; returns the file's absolute path. */
  write(file: string, text: string): string;
  /** Writes each of `files` (paths relative to `root/dir`) there; returns `root/dir`. */
  tree(dir: string, files: Readonly<Record<string, string>>): string;
}

/** A new temporary directory named `prefix…`, with `dirs` (relative paths) created in it. */
export function tempProject(prefix: string, dirs: readonly string[] = []): TempProject {
  const root = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  for (const dir of dirs) mkdirSync(join(root, dir), { recursive: true });
  const write = (file: string, text: string): string => {
    const path = join(root, file);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    return path;
  };
  const tree = (dir: string, files: Readonly<Record<string, string>>): string => {
    for (const [file, text] of Object.entries(files)) write(join(dir, file), text);
    return join(root, dir);
  };
  return { root, write, tree };
}
