/**
 * Per-file caches: one answer per linted file, shared by every rule of the run.
 *
 * The key of a file is its Program node (`sourceCode.ast`). Not the SourceCode or ScopeManager object: oxlint's JS plugins
 * hand every file the same SourceCode and ScopeManager objects (their getters read the current file), so a cache keyed
 * by them answers one file with another's facts.
 *
 * Every file has one record of answers (an array), kept in a WeakMap under its Program node, and the file asked last is
 * remembered in two variables. A `FileCache` is a slot of that record: the rules of one file ask the same per-file
 * question for most calls of the file (its import names, its function names, a text pre-check), and the answer is an
 * array read, not a WeakMap look-up (which cost more than the rest of some of those questions); a file costs one
 * WeakMap entry, not one per question. An answer asked for another file (a project module read for a question about
 * the linted one) lives in that file's record, so no file is ever answered with another's facts.
 */

/** A slot in every file's record of answers (made once per question, at module load). */
export interface FileCache<T> {
  readonly slot: number;
  /** Never read: ties the slot to the type of its answers. */
  readonly answer?: T;
}

/** The slot of a record that holds no answer yet (an answer may be `undefined`, `null` or `false`). */
const NOT_YET: unique symbol = Symbol('not yet');
type FileRecord = unknown[];

let slots = 0;
/** Every file's record, for as long as its Program node lives: one WeakMap entry per file, not one per question. */
const records = new WeakMap<object, FileRecord>();
/** The file asked last and its record: most asks of a lint run are for the file being linted. */
let lastProgram: object | null = null;
let lastRecord: FileRecord = [];

export function fileCache<T>(): FileCache<T> {
  return { slot: slots++ };
}

function recordOf(program: object): FileRecord {
  if (program === lastProgram) return lastRecord;
  let record = records.get(program);
  if (record === undefined) {
    record = [];
    records.set(program, record);
  }
  lastProgram = program;
  lastRecord = record;
  return record;
}

/** A per-file answer, computed on first ask and kept in the file's record. */
export function perFile<T>(cache: FileCache<T>, sourceCode: { readonly ast: object }, compute: () => T): T {
  return perProgram(cache, sourceCode.ast, compute);
}

/** `perFile` for a caller that holds the file's Program node rather than its SourceCode. */
export function perProgram<T>(cache: FileCache<T>, program: object, compute: () => T): T {
  const record = recordOf(program);
  const slot = cache.slot;
  const held = slot < record.length ? record[slot] : NOT_YET;
  if (held !== NOT_YET) return held as T;
  const value = compute();
  // `compute` may have asked about another file (a project module): this file's record is looked up again.
  const own = recordOf(program);
  while (own.length <= slot) own.push(NOT_YET);
  own[slot] = value;
  return value;
}

/**
 * A per-file Map of answers keyed by what the file's rules ask (a name, a node): made on the first ask for the file.
 * For answers per node, a Map of the file is cheaper than a WeakMap keyed by the node (a WeakMap entry was measured
 * at ~1–2 µs against ~0.2 µs). No closure per ask: asked for most nodes of a file.
 */
export function perFileMap<K, V>(cache: FileCache<Map<K, V>>, sourceCode: { readonly ast: object }): Map<K, V> {
  const record = recordOf(sourceCode.ast);
  const slot = cache.slot;
  const held = slot < record.length ? record[slot] : NOT_YET;
  if (held !== NOT_YET) return held as Map<K, V>;
  const map = new Map<K, V>();
  while (record.length <= slot) record.push(NOT_YET);
  record[slot] = map;
  return map;
}

/**
 * The answer for `key` (a node, a function) in the file's map `cache`, computed on first ask. For answers that are never
 * `undefined` (null stands for "none"); a question that must guard its own recursion writes its map itself.
 */
export function perNode<K, V>(cache: FileCache<Map<K, V>>, sourceCode: { readonly ast: object }, key: K, compute: () => V): V {
  const answers = perFileMap(cache, sourceCode);
  const cached = answers.get(key);
  if (cached !== undefined) return cached;
  const result = compute();
  answers.set(key, result);
  return result;
}
