// What changed in an aggregate's state between two moments, field by field.

export type Change =
  | { kind: 'added'; path: string; after: unknown }
  | { kind: 'removed'; path: string; before: unknown }
  | { kind: 'changed'; path: string; before: unknown; after: unknown };

/** Flattens nested objects to dotted paths; arrays and scalars are leaves (compared whole). */
export function flatten(value: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0 && prefix) out.set(prefix, {});
    for (const [key, child] of entries) {
      for (const [path, leaf] of flatten(child, prefix ? `${prefix}.${key}` : key)) out.set(path, leaf);
    }
  } else if (prefix) {
    out.set(prefix, value);
  }
  return out;
}

/** The changes from `before` (null: did not exist yet) to `after`, in path order. */
export function diff(before: unknown, after: unknown): Change[] {
  const a = flatten(before ?? {});
  const b = flatten(after ?? {});
  const paths = [...new Set([...a.keys(), ...b.keys()])].sort();
  const changes: Change[] = [];
  for (const path of paths) {
    if (!a.has(path)) {
      changes.push({ kind: 'added', path, after: b.get(path) });
    } else if (!b.has(path)) {
      changes.push({ kind: 'removed', path, before: a.get(path) });
    } else if (JSON.stringify(a.get(path)) !== JSON.stringify(b.get(path))) {
      changes.push({ kind: 'changed', path, before: a.get(path), after: b.get(path) });
    }
  }
  return changes;
}
