import { describe, expect, it } from 'vitest';
import type { TimelineEntry } from './model';
import { actorLabel, aggregatesOf, applyFilter, choices, isRefusal, withHistories } from './timeline';

function entry(overrides: Partial<TimelineEntry>): TimelineEntry {
  return {
    occurredAt: '2026-03-01T09:00:00Z', eventId: 'e', caseId: 'c', service: 'coordination-service', type: 'EngagementOpened',
    schemaVersion: 1, aggregateType: 'Engagement', aggregateId: 'c', aggregateSequence: 0, actor: 'casey.csm', actorRole: 'CSM',
    correlationId: 'k', causationId: null, origin: 'http', payload: {}, ...overrides,
  };
}

const opened = entry({});
const refused = entry({ occurredAt: '2026-03-01T10:00:00Z', type: 'EngagementCommandRefused', aggregateSequence: 1 });
const review = entry({ occurredAt: '2026-03-02T09:00:00Z', service: 'review-service', type: 'SupportReviewCompleted', aggregateType: 'SupportReview', aggregateId: 'r1', actor: 'sam.senior', actorRole: 'SENIOR_SUPPORT_ENGINEER' });
const all = [opened, refused, review];

describe('timeline', () => {
  it('filters by service, type, actor and a [from, to) range', () => {
    expect(applyFilter(all, { service: 'review-service' })).toEqual([review]);
    expect(applyFilter(all, { type: 'EngagementCommandRefused' })).toEqual([refused]);
    expect(applyFilter(all, { actor: 'casey.csm' })).toEqual([opened, refused]);
    expect(applyFilter(all, { from: '2026-03-01T10:00:00Z', to: '2026-03-02T09:00:00Z' })).toEqual([refused]);
  });

  it('marks recorded refusals', () => {
    expect(isRefusal(refused)).toBe(true);
    expect(isRefusal({ type: 'ReviewCallLinkRefused' })).toBe(true);
    expect(isRefusal(opened)).toBe(false);
  });

  it('lists the aggregates of the case once, in order of appearance', () => {
    expect(aggregatesOf(all).map((a) => a.aggregateId)).toEqual(['c', 'r1']);
  });

  it('offers each distinct value once, sorted', () => {
    expect(choices(all, (e) => e.service)).toEqual(['coordination-service', 'review-service']);
  });

  it('labels the actor with the role acted in', () => {
    expect(actorLabel(review)).toBe('sam.senior (SENIOR_SUPPORT_ENGINEER)');
    expect(actorLabel(entry({ actor: null }))).toBe('system');
  });
});

describe('withHistories', () => {
  it('adds the events an aggregate kept to itself, in time order, and keeps the published ones once', () => {
    const history = {
      service: 'coordination-service',
      page: {
        aggregateId: 'c', aggregateType: 'Engagement',
        events: [
          { sequence: 0, eventId: 'd0', type: 'EngagementOpenedEvent', schemaRevision: null, occurredAt: '2026-03-01T09:00:00Z', actor: 'casey.csm', actorRole: 'CSM', correlationId: 'k', causationId: null, origin: 'http', payload: {}, link: null },
          { sequence: 1, eventId: 'd1', type: 'EngagementCommandRefusedEvent', schemaRevision: '1', occurredAt: '2026-03-01T09:30:00Z', actor: 'casey.csm', actorRole: 'CSM', correlationId: 'k2', causationId: null, origin: 'http', payload: { rule: 'r' }, link: { sequence: 1, eventId: 'd1', previousHash: 'p', hash: 'h' } },
        ],
      },
    };
    const merged = withHistories([opened, review], [history], 'c');
    expect(merged.map((e) => e.type)).toEqual(['EngagementOpened', 'EngagementCommandRefusedEvent', 'SupportReviewCompleted']);
    expect(merged[1].published).toBe(false);
    expect(merged[1].link?.hash).toBe('h');
    expect(isRefusal(merged[1])).toBe(true);
  });
});
