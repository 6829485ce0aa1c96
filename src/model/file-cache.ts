/**
 * Per-file caches: one answer per linted file, shared by every rule of the run.
 *
 * The key of a file is its Program node (`sourceCode.ast`). Not the SourceCode or ScopeManager object: oxlint's JS plugins
 * hand every file the same SourceCode and ScopeManager objects (their getters read the current file), so a cache keyed
 * by them answers one file with another's facts.
 *
 * A `FileCache` keeps the answer of the file asked last in two fields, and every answer in a WeakMap under the file's
 * key. The rules of one file ask the same per-file question for most calls of the file (its import names, its
 * function names, a text pre-check): the two fields answer those without a WeakMap look-up, which cost more than the
 * rest of some of those questions. An answer asked for another file (a project file read for a question about the
 * linted one) is computed or found in the WeakMap as before, so no file is ever answered with another's facts.
 */

export interface FileCache<T> {
  /** The key (Program node) of the file asked last, and its answer. */
  lastKey: object | null;
  lastValue: T | undefined;
  /** Every file's answer, for as long as its Program node lives. */
  readonly byFile: WeakMap<object, T>;
}

export function fileCache<T>(): FileCache<T> {
  return { lastKey: null, lastValue: undefined, byFile: new WeakMap() };
}

/** A per-file answer, computed on first ask and kept in `cache` under the file's key. */
export function perFile<T>(cache: FileCache<T>, sourceCode: { readonly ast: object }, compute: () => T): T {
  const key = sourceCode.ast;
  if (cache.lastKey === key) return cache.lastValue as T;
  let value: T;
  if (cache.byFile.has(key)) value = cache.byFile.get(key) as T;
  else {
    value = compute();
    cache.byFile.set(key, value);
  }
  cache.lastKey = key;
  cache.lastValue = value;
  return value;
}

/** A per-file Map (of answers keyed by what the file's rules ask), made on the first ask for the file. */
export function perFileMap<K, V>(cache: FileCache<Map<K, V>>, sourceCode: { readonly ast: object }): Map<K, V> {
  return perFile(cache, sourceCode, () => new Map<K, V>());
}
