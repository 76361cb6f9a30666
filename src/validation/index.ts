/**
 * Turning a valibot issue into the key path a user can find in their file
 * (`vehicles[0].overrides.trays`, `features[3].properties.widthM`). Shared by every file
 * format's schema (scenario, assumptions file, block input) so messages read the same.
 */
import type { BaseIssue } from 'valibot';

/** `vehicles[0].overrides.trays` from a valibot issue path; `(root)` for the value itself. */
export function issueKeyPath(path: readonly unknown[]): string {
  let key = '';
  for (const item of path) {
    const k = (item as { key: unknown }).key;
    key += typeof k === 'number' ? `[${k}]` : key ? `.${String(k)}` : String(k);
  }
  return key || '(root)';
}

/** An issue with its full path (a union's branch issues carry paths relative to the union). */
export interface LocatedIssue {
  issue: BaseIssue<unknown>;
  path: unknown[];
}

/** A union's failure names the branch issue that got furthest into the value (`faults.meteor`). */
export function deepestIssue(issue: BaseIssue<unknown>, prefix: unknown[] = []): LocatedIssue {
  const own = [...prefix, ...(issue.path ?? [])];
  let best: LocatedIssue = { issue, path: own };
  for (const sub of issue.issues ?? []) {
    const found = deepestIssue(sub, own);
    if (found.path.length > best.path.length) best = found;
  }
  return best;
}

/** True when the issue is a key a strict object does not allow. */
export function isUnknownKey(issue: BaseIssue<unknown>): boolean {
  return issue.kind === 'schema' && issue.type === 'strict_object' && issue.expected === 'never';
}
