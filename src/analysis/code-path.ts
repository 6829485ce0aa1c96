/**
 * "Does every path to here pass through X?" on top of ESLint's code-path analysis.
 *
 * A rule opens a *region* (a catch clause, a handler function), *marks* the places
 * where X happens (a log call, a hand-off) and *requires* X at checkpoints (the
 * exits of the catch, a 401 response). When the function's code path ends, every
 * checkpoint that some path from the region's start reaches without passing a mark
 * is handed to the rule. Marks count for a region only when they lie inside it,
 * so nested regions do not see each other's marks.
 */
import type { Rule } from 'eslint';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { contains, isFunctionNode } from '../model/ast.js';

type Segment = Rule.CodePathSegment;
type CodePath = Rule.CodePath;

interface Mark {
  order: number;
  node: TSESTree.Node;
  /** A mark that satisfies only the checkpoints naming this key in `clearedBy`. */
  key?: TSESTree.Node;
}

export interface Checkpoint<T> {
  order: number;
  node: TSESTree.Node;
  region: TSESTree.Node;
  data: T;
  /** Count marks that come later in the same straight-line segment too. */
  acceptLaterInSegment: boolean;
  /** Keyed marks that satisfy this checkpoint too (a path that cleared what it requires). */
  clearedBy?: readonly TSESTree.Node[];
}

interface SegmentInfo<T> {
  marks: Mark[];
  checkpoints: Checkpoint<T>[];
}

interface Region {
  node: TSESTree.Node;
  start: Segment[];
}

/**
 * One code path (function) being analysed. Its collections are made on first use: most functions of a
 * file get no region, mark or checkpoint, and a frame is made per function, tracker and file.
 */
interface PathFrame<T> {
  codePath: CodePath;
  /** The depth of this code path: its current segments are `segments[depth]`, kept by whichever tracker owns the segment bookkeeping. */
  depth: number;
  info: Map<string, SegmentInfo<T>> | null;
  regions: Region[] | null;
  /** The regions some checkpoint of this frame names: only these are walked when the code path ends. */
  asked: Set<TSESTree.Node> | null;
}

export interface PathTracker<T> {
  /** Spread into the rule's listener map. */
  listeners: Record<string, (...args: never[]) => void>;
  /** Start a region at the current position (call from the region node's enter listener). */
  openRegion(node: TSESTree.Node): void;
  /** X happens here; with a `key`, only for the checkpoints that name the key in `clearedBy`. */
  mark(node: TSESTree.Node, key?: TSESTree.Node): void;
  /** Every path from `region`'s start to here must have passed a mark (or a keyed mark it names in `clearedBy`). */
  require(node: TSESTree.Node, region: TSESTree.Node, data: T, options?: { acceptLaterInSegment?: boolean; clearedBy?: readonly TSESTree.Node[] }): void;
  /** Whether the current position is reachable at all. */
  isReachable(): boolean;
  /**
   * The current segments of each open code path (innermost last), in the order they started; shared with trackers
   * created `sharingSegmentsOf` this one. Arrays, not sets: a code path has one or two current segments, and a set's
   * add / delete per segment event allocated more than the rest of the bookkeeping.
   */
  readonly segments: Segment[][];
}

/**
 * A tracker of its own regions, marks and checkpoints. With `sharingSegmentsOf`, it reads which segments are
 * current from that tracker instead of following the segment events itself (a rule with several trackers
 * pays for one set of segment listeners); the other tracker's listeners must be registered too.
 */
export function createPathTracker<T>(onUnsatisfied: (checkpoint: Checkpoint<T>) => void, sharingSegmentsOf?: PathTracker<unknown>): PathTracker<T> {
  const stack: PathFrame<T>[] = [];
  const ownSegments: Segment[][] = [];
  const segments = sharingSegmentsOf?.segments ?? ownSegments;
  let order = 0;

  const top = () => stack[stack.length - 1];

  const infoOf = (frame: PathFrame<T>, segment: Segment): SegmentInfo<T> => {
    const map = (frame.info ??= new Map());
    let info = map.get(segment.id);
    if (!info) {
      info = { marks: [], checkpoints: [] };
      map.set(segment.id, info);
    }
    return info;
  };

  const reachableCurrent = (frame: PathFrame<T>): Segment[] => {
    const out: Segment[] = [];
    for (const segment of segments[frame.depth]!) if (segment.reachable) out.push(segment);
    return out;
  };

  function evaluate(frame: PathFrame<T>, regions: readonly Region[], asked: ReadonlySet<TSESTree.Node>): void {
    const keyed = new Set<Checkpoint<T>>();
    if (frame.info) for (const info of frame.info.values()) for (const cp of info.checkpoints) if (cp.clearedBy) keyed.add(cp);
    for (const region of regions) {
      // A region no checkpoint names has nothing to report: no walk.
      if (!asked.has(region.node)) continue;
      walk(frame, region, (m) => m.key === undefined, (cp) => cp.clearedBy === undefined);
      // A checkpoint that keyed marks also satisfy walks on its own (rare: a status cleared on some paths).
      for (const only of keyed) walk(frame, region, (m) => m.key === undefined || only.clearedBy!.includes(m.key), (cp) => cp === only);
    }
  }

  /** Report the checkpoints `asked` of `region` that some path from its start reaches without passing a mark `counts` accepts. */
  function walk(frame: PathFrame<T>, region: Region, counts: (m: Mark) => boolean, asked: (cp: Checkpoint<T>) => boolean): void {
    const firstMark = (segment: Segment): Mark | undefined => {
      const info = frame.info?.get(segment.id);
      return info?.marks.find((m) => counts(m) && contains(region.node, m.node));
    };
    const seen = new Set<string>();
    const queue = [...region.start];
    const reported = new Set<Checkpoint<T>>();
    while (queue.length > 0) {
      const segment = queue.shift()!;
      if (seen.has(segment.id)) continue;
      seen.add(segment.id);
      const info = frame.info?.get(segment.id);
      const mark = firstMark(segment);
      for (const cp of info?.checkpoints ?? []) {
        if (cp.region !== region.node || reported.has(cp) || !asked(cp)) continue;
        const satisfied =
          mark !== undefined &&
          (mark.order < cp.order || cp.acceptLaterInSegment || contains(cp.node, mark.node));
        if (!satisfied) {
          reported.add(cp);
          onUnsatisfied(cp);
        }
      }
      if (mark === undefined) queue.push(...segment.nextSegments);
    }
  }

  const frameListeners = {
    onCodePathStart(codePath: CodePath) {
      // The owner's set for this depth: pushed by its own onCodePathStart, which may run before or after this one.
      const depth = stack.length;
      if (segments === ownSegments) ownSegments.push([]);
      // A plain data object (no getter): one is made per function of every file.
      stack.push({ codePath, depth, info: null, regions: null, asked: null });
    },
    onCodePathEnd() {
      const frame = stack.pop();
      if (segments === ownSegments) ownSegments.pop();
      if (frame?.regions && frame.asked) evaluate(frame, frame.regions, frame.asked);
    },
  };
  const startSegment = (segment: Segment): void => {
    const current = ownSegments[ownSegments.length - 1];
    if (current !== undefined && !current.includes(segment)) current.push(segment);
  };
  const endSegment = (segment: Segment): void => {
    const current = ownSegments[ownSegments.length - 1];
    if (current === undefined) return;
    const i = current.indexOf(segment);
    if (i === -1) return;
    // In place (splice allocates the removed part): the others keep their order.
    for (let j = i + 1; j < current.length; j++) current[j - 1] = current[j]!;
    current.pop();
  };
  const segmentListeners = {
    onCodePathSegmentStart: startSegment,
    onCodePathSegmentEnd: endSegment,
    onUnreachableCodePathSegmentStart: startSegment,
    onUnreachableCodePathSegmentEnd: endSegment,
  };
  const listeners = sharingSegmentsOf ? frameListeners : { ...frameListeners, ...segmentListeners };

  return {
    segments,
    listeners: listeners as unknown as Record<string, (...args: never[]) => void>,
    openRegion(node) {
      const frame = top();
      if (!frame) return;
      const start = reachableCurrent(frame);
      if (start.length > 0) (frame.regions ??= []).push({ node, start });
    },
    mark(node, key) {
      const frame = top();
      if (!frame) return;
      order += 1;
      const mark: Mark = key ? { order, node, key } : { order, node };
      for (const segment of reachableCurrent(frame)) infoOf(frame, segment).marks.push(mark);
    },
    require(node, region, data, options) {
      const frame = top();
      if (!frame) return;
      order += 1;
      const cp: Checkpoint<T> = { order, node, region, data, acceptLaterInSegment: options?.acceptLaterInSegment ?? false };
      if (options?.clearedBy) cp.clearedBy = options.clearedBy;
      const segments = reachableCurrent(frame);
      if (segments.length > 0) (frame.asked ??= new Set()).add(region);
      for (const segment of segments) infoOf(frame, segment).checkpoints.push(cp);
    },
    isReachable() {
      const frame = top();
      if (!frame) return false;
      for (const segment of segments[frame.depth]!) if (segment.reachable) return true;
      return false;
    },
  };
}

/**
 * Merge listener maps, calling every listener registered for the same key in order. The keys
 * keep the order in which they first appear. Runs once per rule and file, so it allocates only
 * for keys that more than one map registers.
 */
export function mergeListeners(...maps: Record<string, ((...args: never[]) => void) | undefined>[]): Record<string, (...args: never[]) => void> {
  const out: Record<string, (...args: never[]) => void> = {};
  let shared: Map<string, ((...args: never[]) => void)[]> | null = null;
  for (const map of maps) {
    for (const key of Object.keys(map)) {
      const fn = map[key];
      if (!fn) continue;
      const first = out[key];
      if (first === undefined) {
        out[key] = fn;
        continue;
      }
      shared ??= new Map();
      let fns = shared.get(key);
      if (!fns) {
        fns = [first];
        shared.set(key, fns);
      }
      fns.push(fn);
    }
  }
  if (shared) {
    for (const [key, fns] of shared) {
      out[key] = (...args: never[]) => {
        for (const fn of fns) fn(...args);
      };
    }
  }
  return out;
}

/**
 * The statement a `break` / `continue` leaves (same function): its labeled statement, else the
 * innermost loop (or, for `break`, switch). Null when there is none in this function.
 */
export function findJumpTarget(node: TSESTree.BreakStatement | TSESTree.ContinueStatement): TSESTree.Node | null {
  let current: TSESTree.Node | undefined = node.parent;
  const label = node.label?.name;
  const loopOnly = node.type === AST_NODE_TYPES.ContinueStatement;
  while (current && !isFunctionNode(current)) {
    if (label !== undefined) {
      if (current.type === AST_NODE_TYPES.LabeledStatement && current.label.name === label) return current;
    } else {
      switch (current.type) {
        case AST_NODE_TYPES.ForStatement:
        case AST_NODE_TYPES.ForInStatement:
        case AST_NODE_TYPES.ForOfStatement:
        case AST_NODE_TYPES.WhileStatement:
        case AST_NODE_TYPES.DoWhileStatement:
          return current;
        case AST_NODE_TYPES.SwitchStatement:
          if (!loopOnly) return current;
          break;
        default:
          break;
      }
    }
    current = current.parent;
  }
  return null;
}

/**
 * Add `onConsequent` for every statement that is an `if`'s consequent, called as the traversal enters it. ESLint's
 * code-path analysis forks the `if` there: the consequent's segment starts with the consequent as its node, before the
 * statement's own listeners run. So this is one wrapper of the map's `onCodePathSegmentStart` (the segment listener
 * of a tracker that follows segments itself, which must run first so that the new segment is current), not a listener
 * for each statement type an `if` consequent can be (those ran for every statement of the file). An unreachable
 * consequent gets no call: a mark there counts on no path.
 */
export function withIfConsequentListener(listeners: TSESLint.RuleListener, onConsequent: (node: TSESTree.Statement) => void): TSESLint.RuleListener {
  const own = (listeners as unknown as Record<string, ((segment: Segment, node: TSESTree.Node) => void) | undefined>).onCodePathSegmentStart;
  return {
    ...listeners,
    onCodePathSegmentStart(segment: Segment, node: TSESTree.Node) {
      own?.(segment, node);
      const parent = node.parent;
      if (parent?.type === AST_NODE_TYPES.IfStatement && parent.consequent === node) onConsequent(parent.consequent);
    },
  } as unknown as TSESLint.RuleListener;
}
