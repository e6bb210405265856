// The case timeline as the page filters and labels it.
import type { HistoryPage, TimelineEntry } from './model';

export interface TimelineFilter {
  service?: string;
  type?: string;
  actor?: string;
  /** inclusive, ISO instant */
  from?: string;
  /** exclusive, ISO instant */
  to?: string;
}

/** A recorded refusal: a rule said no, and the service kept that as a fact (e.g. EngagementCommandRefused). */
export function isRefusal(entry: Pick<TimelineEntry, 'type'>): boolean {
  return /Refused|Rejected|Refusal/.test(entry.type);
}

export function applyFilter(entries: TimelineEntry[], filter: TimelineFilter): TimelineEntry[] {
  const from = filter.from ? Date.parse(filter.from) : null;
  const to = filter.to ? Date.parse(filter.to) : null;
  return entries.filter((e) => {
    const at = Date.parse(e.occurredAt);
    return (!filter.service || e.service === filter.service)
      && (!filter.type || e.type === filter.type)
      && (!filter.actor || e.actor === filter.actor)
      && (from === null || at >= from)
      && (to === null || at < to);
  });
}

/** The distinct values of one column, sorted, for a filter's choices. */
export function choices(entries: TimelineEntry[], pick: (e: TimelineEntry) => string | null): string[] {
  return [...new Set(entries.map(pick).filter((v): v is string => !!v))].sort();
}

export interface AggregateRef {
  service: string;
  aggregateType: string;
  aggregateId: string;
}

/** Every aggregate the case's events come from, in the order they first appear. */
export function aggregatesOf(entries: TimelineEntry[]): AggregateRef[] {
  const seen = new Map<string, AggregateRef>();
  for (const e of entries) {
    const key = `${e.service}/${e.aggregateId}`;
    if (!seen.has(key)) {
      seen.set(key, { service: e.service, aggregateType: e.aggregateType, aggregateId: e.aggregateId });
    }
  }
  return [...seen.values()];
}

/** "casey.csm (CSM)", or "system" for events no person caused. */
export function actorLabel(entry: Pick<TimelineEntry, 'actor' | 'actorRole'>): string {
  if (!entry.actor) return 'system';
  return entry.actorRole ? `${entry.actor} (${entry.actorRole})` : entry.actor;
}

/** Shown to the second in the reader's time zone, and as the exact UTC instant in a tooltip. */
export function formatTime(iso: string): string {
  const d = new Date(iso);
  return d.toLocaleString('en-GB', {
    year: 'numeric', month: 'short', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  });
}

/** Shorter, for a table row: day, month and time to the second (the tooltip has the instant). */
export function formatShortTime(iso: string): string {
  return new Date(iso).toLocaleString('en-GB', {
    month: 'short', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  });
}

/** A datetime-local input's value (the reader's local time) as an ISO instant, or undefined when empty. */
export function localInputToInstant(value: string): string | undefined {
  if (!value) return undefined;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

/**
 * The timeline (the events the services published) completed with what each aggregate kept to
 * itself (its history: recorded refusals, for example), in time order. An event of the history is
 * the timeline's when both name the same aggregate and sequence.
 */
export function withHistories(timeline: TimelineEntry[], histories: { service: string; page: HistoryPage }[], caseId: string): TimelineEntry[] {
  const published = new Set(timeline.map((e) => `${e.service}/${e.aggregateId}/${e.aggregateSequence}`));
  const extra: TimelineEntry[] = [];
  for (const { service, page } of histories) {
    for (const event of page.events) {
      if (published.has(`${service}/${page.aggregateId}/${event.sequence}`)) continue;
      extra.push({
        occurredAt: event.occurredAt, eventId: event.eventId, caseId, service, type: event.type,
        schemaVersion: Number(event.schemaRevision ?? 1) || 1, aggregateType: page.aggregateType, aggregateId: page.aggregateId,
        aggregateSequence: event.sequence, actor: event.actor, actorRole: event.actorRole, correlationId: event.correlationId,
        causationId: event.causationId, origin: event.origin, payload: event.payload, published: false, link: event.link,
      });
    }
  }
  return [...timeline, ...extra].sort((a, b) => Date.parse(a.occurredAt) - Date.parse(b.occurredAt)
    || a.service.localeCompare(b.service) || a.aggregateId.localeCompare(b.aggregateId)
    || (a.aggregateSequence ?? 0) - (b.aggregateSequence ?? 0));
}
