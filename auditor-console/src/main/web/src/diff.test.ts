import { describe, expect, it } from 'vitest';
import { diff, flatten } from './diff';

describe('diff', () => {
  it('names added, removed and changed fields by path', () => {
    const before = { status: 'PLAN_DEVIATES', plan: { version: 1, nodes: ['a'] }, note: 'x' };
    const after = { status: 'DEVIATION_JUSTIFIED', plan: { version: 1, nodes: ['a', 'b'] }, reason: 'BUDGET' };
    expect(diff(before, after)).toEqual([
      { kind: 'removed', path: 'note', before: 'x' },
      { kind: 'changed', path: 'plan.nodes', before: ['a'], after: ['a', 'b'] },
      { kind: 'added', path: 'reason', after: 'BUDGET' },
      { kind: 'changed', path: 'status', before: 'PLAN_DEVIATES', after: 'DEVIATION_JUSTIFIED' },
    ]);
  });

  it('shows every field as added when the aggregate did not exist before', () => {
    expect(diff(null, { id: 'e1', open: true })).toEqual([
      { kind: 'added', path: 'id', after: 'e1' },
      { kind: 'added', path: 'open', after: true },
    ]);
  });

  it('finds nothing between equal states', () => {
    expect(diff({ a: { b: [1, 2] } }, { a: { b: [1, 2] } })).toEqual([]);
  });

  it('keeps an empty object as a leaf', () => {
    expect([...flatten({ a: {} })]).toEqual([['a', {}]]);
  });
});
