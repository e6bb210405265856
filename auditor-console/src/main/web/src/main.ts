import './style.css';
import { Api, ApiError, loadConfig } from './api';
import { auditRole, completeSignIn, identityOf, isExpired, startSignIn, tokenStore, type Identity } from './auth';
import { diff } from './diff';
import { clear, h, short, tail } from './dom';
import { brokenLinkText, caseVerdict, streamVerdict, type Verdict } from './integrity';
import type {
  AggregateState, AuditRead, CaseVerification, ConsoleConfig, EngagementPage, HistoryPage, TimelineEntry,
} from './model';
import {
  actorLabel, aggregatesOf, applyFilter, choices, formatShortTime, formatTime, isRefusal, localInputToInstant, withHistories,
  type TimelineFilter,
} from './timeline';

const COORDINATION = 'coordination-service';
const REVIEW = 'review-service';
const PAGE_SIZE = 10;

const main = document.getElementById('main') as HTMLElement;
const who = document.getElementById('who') as HTMLElement;

let config: ConsoleConfig;
let api: Api;

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function alertBox(message: string): HTMLElement {
  return h('p', { class: 'alert', role: 'alert' }, message);
}

function badge(verdict: Verdict, label?: string): HTMLElement {
  const kind = verdict.toLowerCase().replace(' ', '-');
  return h('span', { class: `badge badge-${kind}`, 'data-verdict': verdict }, label ?? verdict);
}

function serviceChip(service: string): HTMLElement {
  return h('span', { class: `chip chip-${service.split('-')[0]}` }, service.replace('-service', ''));
}

function time(iso: string, short = false): HTMLElement {
  return h('time', { datetime: iso, title: iso }, short ? formatShortTime(iso) : formatTime(iso));
}

// ---------------------------------------------------------------------------------------------
// Sign-in

function signOut(): void {
  tokenStore.clear();
  location.hash = '';
  location.reload();
}

function renderSignIn(message?: string): void {
  clear(who);
  const error = h('div', { 'aria-live': 'polite' }, message ? alertBox(message) : null);
  const options: HTMLElement[] = [];
  if (config.oidc) {
    const oidc = config.oidc;
    options.push(h('div', { class: 'signin-option' },
      h('button', {
        class: 'primary', type: 'button',
        on: { click: () => startSignIn(oidc).catch((e) => clear(error, alertBox(errorText(e)))) },
      }, 'Sign in with your identity provider'),
      h('p', { class: 'hint' }, `OpenID Connect: ${oidc.issuer}`)));
  }
  if (config.pastedTokenSignIn) {
    const area = h('textarea', { id: 'token', name: 'token', rows: 5, spellcheck: false, autocomplete: 'off', required: true });
    options.push(h('form', {
      class: 'signin-option',
      on: {
        submit: (e: Event) => {
          e.preventDefault();
          try {
            identityOf(area.value, config.rolesClaim);
            tokenStore.set(area.value);
            void start();
          } catch (failure) {
            clear(error, alertBox(errorText(failure)));
          }
        },
      },
    },
    h('label', { for: 'token' }, 'Paste a token'),
    h('p', { class: 'hint' }, 'On the local run: ', h('code', null, './deploy/local/token alex.auditor AUDITOR')),
    area,
    h('button', { class: 'primary', type: 'submit' }, 'Sign in with this token')));
  }
  if (options.length === 0) {
    options.push(alertBox('No way to sign in is configured: set platform.console.oidc.issuer and client-id.'));
  }
  clear(main, h('section', { class: 'card narrow' },
    h('h1', null, 'Sign in'),
    h('p', { class: 'lead' }, 'The console shows a case’s audit trail to auditors and Support Managers. It only reads.'),
    error, ...options));
}

function renderDenied(identity: Identity): void {
  renderWho(identity, null);
  clear(main, h('section', { class: 'card narrow', 'data-testid': 'denied' },
    h('h1', null, 'Not for your role'),
    alertBox(`You are signed in as ${identity.principal} with ${identity.roles.length === 0 ? 'no role'
      : `the role${identity.roles.length > 1 ? 's' : ''} ${identity.roles.join(', ')}`}. `
      + 'The console shows audit trails only to auditors (AUDITOR) and Support Managers (SUPPORT_MANAGER).'),
    h('button', { type: 'button', on: { click: signOut } }, 'Sign out')));
}

function renderWho(identity: Identity, role: string | null): void {
  clear(who,
    h('span', { class: 'who-name', 'data-testid': 'signed-in-as' }, identity.principal),
    role ? h('span', { class: 'who-role' }, role) : null,
    h('button', { type: 'button', class: 'quiet', on: { click: signOut } }, 'Sign out'));
}

// ---------------------------------------------------------------------------------------------
// Find a case

type SearchBy = 'engagementId' | 'ticketId' | 'customerOrganisation' | 'csm';
const SEARCH_LABELS: Record<SearchBy, string> = {
  engagementId: 'Engagement id',
  ticketId: 'Ticket id',
  customerOrganisation: 'Customer organisation',
  csm: 'CSM',
};

async function renderFind(params: URLSearchParams): Promise<void> {
  const by = (params.get('by') as SearchBy) || 'customerOrganisation';
  const q = params.get('q') ?? '';
  const page = Number(params.get('page') ?? 0);
  const select = h('select', { id: 'search-by', name: 'by' },
    ...(Object.keys(SEARCH_LABELS) as SearchBy[]).map((key) => h('option', { value: key, selected: key === by }, SEARCH_LABELS[key])));
  const input = h('input', { id: 'search-q', name: 'q', type: 'search', value: q, autocomplete: 'off' });
  const results = h('div', { 'aria-live': 'polite' });
  clear(main,
    h('section', { class: 'card' },
      h('h1', null, 'Find a case'),
      h('form', {
        class: 'search', role: 'search',
        on: {
          submit: (e: Event) => {
            e.preventDefault();
            location.hash = `#/find?${new URLSearchParams({ by: select.value, q: input.value.trim(), page: '0' })}`;
          },
        },
      },
      h('div', { class: 'field' }, h('label', { for: 'search-by' }, 'Search by'), select),
      h('div', { class: 'field grow' }, h('label', { for: 'search-q' }, 'Value'), input),
      h('button', { class: 'primary', type: 'submit' }, 'Find'))),
    results);

  try {
    if (q && (by === 'engagementId' || by === 'ticketId')) {
      const caseId = by === 'engagementId' ? await engagementCase(q) : await ticketCase(q);
      location.hash = `#/case/${encodeURIComponent(caseId)}`;
      return;
    }
    const answer = await api.get<EngagementPage>(COORDINATION, '/engagements', {
      customerOrganisation: by === 'customerOrganisation' ? q : undefined,
      csm: by === 'csm' ? q : undefined,
      page, pageSize: PAGE_SIZE,
    });
    const pages = Math.max(1, Math.ceil(answer.total / PAGE_SIZE));
    const go = (p: number) => () => {
      location.hash = `#/find?${new URLSearchParams({ by, q, page: String(p) })}`;
    };
    clear(results, h('section', { class: 'card' },
      h('h2', null, q ? `Cases where ${SEARCH_LABELS[by]} is “${q}”` : 'All cases, newest first'),
      answer.items.length === 0 ? h('p', { class: 'empty' }, 'No case matches.') : h('table', { class: 'grid', 'data-testid': 'case-list' },
        h('thead', null, h('tr', null, ...['Customer', 'CSM', 'Where it stands', 'Last change', 'Case'].map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', null, ...answer.items.map((item) => h('tr', null,
          h('td', null, item.customerOrganisation),
          h('td', null, item.csm),
          h('td', null, h('span', { class: 'step' }, item.currentStep ?? item.status)),
          h('td', null, item.updatedAt ? time(item.updatedAt) : '—'),
          h('td', null, h('a', { href: `#/case/${encodeURIComponent(item.engagementId)}` }, `Open ${short(item.engagementId)}`)))))),
      h('nav', { class: 'pager', 'aria-label': 'Pages' },
        h('button', { type: 'button', disabled: page <= 0, on: { click: go(page - 1) } }, '← Previous'),
        h('span', null, `Page ${page + 1} of ${pages} · ${answer.total} ${answer.total === 1 ? 'case' : 'cases'}`),
        h('button', { type: 'button', disabled: page + 1 >= pages, on: { click: go(page + 1) } }, 'Next →'))));
  } catch (e) {
    clear(results, alertBox(errorText(e)));
  }
}

async function engagementCase(engagementId: string): Promise<string> {
  const found = await api.getOrNull(COORDINATION, `/engagements/${encodeURIComponent(engagementId)}`);
  if (!found) throw new Error(`There is no engagement ${engagementId}.`);
  return engagementId;
}

async function ticketCase(ticketId: string): Promise<string> {
  const ticket = await api.getOrNull<{ caseId: string; engagementId: string | null }>(REVIEW, `/tickets/${encodeURIComponent(ticketId)}`);
  if (!ticket) throw new Error(`There is no ticket ${ticketId}.`);
  return ticket.engagementId ?? ticket.caseId;
}

// ---------------------------------------------------------------------------------------------
// A case

interface CaseData {
  caseId: string;
  timeline: TimelineEntry[];
  verifications: Record<string, CaseVerification | null>;
  verificationErrors: Record<string, string>;
  engagement: { customerOrganisation?: string; csm?: string; currentStep?: string; status?: string } | null;
}

const TABS = ['Timeline', 'As of', 'Integrity', 'Who looked', 'Export'] as const;
type Tab = (typeof TABS)[number];

async function loadCase(caseId: string): Promise<CaseData> {
  const id = encodeURIComponent(caseId);
  const [{ entries: published }, engagement] = await Promise.all([
    api.get<{ entries: TimelineEntry[] }>(COORDINATION, `/audit/cases/${id}/timeline`),
    api.getOrNull<CaseData['engagement']>(COORDINATION, `/engagements/${id}`),
  ]);
  // every aggregate the topics named, and the engagement itself: their histories hold what was never published
  const streams = aggregatesOf(published).filter((a) => api.has(a.service));
  if (engagement && !streams.some((a) => a.aggregateId === caseId)) {
    streams.push({ service: COORDINATION, aggregateType: 'Engagement', aggregateId: caseId });
  }
  const histories = await Promise.all(streams.map(async (a) => ({ service: a.service, page: await readHistory(a.service, a.aggregateId) })));
  const timeline = withHistories(published, histories.filter((h): h is { service: string; page: HistoryPage } => h.page !== null), caseId);
  const verifications: CaseData['verifications'] = {};
  const verificationErrors: CaseData['verificationErrors'] = {};
  await Promise.all(api.services().map(async (service) => {
    try {
      verifications[service] = await api.get<CaseVerification>(service, `/audit/cases/${id}/verify`);
    } catch (e) {
      verifications[service] = null;
      verificationErrors[service] = errorText(e);
    }
  }));
  return { caseId, timeline, verifications, verificationErrors, engagement };
}

/** An aggregate's whole history, page after page; null when the service does not know it. */
async function readHistory(service: string, aggregateId: string): Promise<HistoryPage | null> {
  let page = await api.getOrNull<HistoryPage>(service, `/audit/aggregates/${encodeURIComponent(aggregateId)}/history`, { limit: 1000 });
  if (!page) return null;
  const events = [...page.events];
  while (page?.nextFromSequence !== undefined && page.nextFromSequence !== null) {
    page = await api.get<HistoryPage>(service, `/audit/aggregates/${encodeURIComponent(aggregateId)}/history`,
      { fromSequence: page.nextFromSequence, limit: 1000 });
    events.push(...page.events);
  }
  return { ...page!, events };
}

function caseBadge(data: CaseData): HTMLElement {
  const verdict = caseVerdict(api.services().map((s) => data.verifications[s]));
  return h('div', { class: 'case-badge', 'data-testid': 'case-integrity' }, h('span', { class: 'label' }, 'Case integrity'), badge(verdict));
}

async function renderCase(caseId: string, tab: Tab): Promise<void> {
  clear(main, h('p', { class: 'loading' }, 'Reading the case…'));
  let data: CaseData;
  try {
    data = await loadCase(caseId);
  } catch (e) {
    clear(main, h('a', { href: '#/find', class: 'back' }, '← Find a case'), alertBox(errorText(e)));
    return;
  }
  const e = data.engagement;
  const panel = h('div', { class: 'tab-panel', role: 'tabpanel', id: 'case-panel', tabindex: 0 });
  const tabButtons = TABS.map((name) => h('button', {
    type: 'button', role: 'tab', class: 'tab', id: `tab-${slug(name)}`, 'aria-controls': 'case-panel',
    'aria-selected': String(name === tab), tabindex: name === tab ? 0 : -1,
    on: { click: () => { location.hash = `#/case/${encodeURIComponent(caseId)}/${slug(name)}`; } },
  }, name));
  const tabList = h('div', { class: 'tabs', role: 'tablist', 'aria-label': 'Views of the case' }, ...tabButtons);
  tabList.addEventListener('keydown', (event) => {
    const index = TABS.indexOf(tab);
    const next = event.key === 'ArrowRight' ? index + 1 : event.key === 'ArrowLeft' ? index - 1 : null;
    if (next !== null) {
      const target = TABS[(next + TABS.length) % TABS.length];
      location.hash = `#/case/${encodeURIComponent(caseId)}/${slug(target)}`;
    }
  });
  clear(main,
    h('a', { href: '#/find', class: 'back' }, '← Find a case'),
    h('section', { class: 'case-head' },
      h('div', null,
        h('h1', null, e?.customerOrganisation ?? 'Case', h('span', { class: 'case-id' }, caseId)),
        h('p', { class: 'meta' },
          e?.csm ? `CSM ${e.csm}` : null, e?.currentStep ? ` · ${e.currentStep}` : null,
          ` · ${data.timeline.length} events from ${new Set(data.timeline.map((t) => t.service)).size} services`)),
      caseBadge(data)),
    tabList, panel,
    h('section', { class: 'report', 'aria-hidden': 'true' }));
  switch (tab) {
    case 'Timeline': renderTimeline(panel, data); break;
    case 'As of': renderAsOf(panel, data); break;
    case 'Integrity': renderIntegrity(panel, data); break;
    case 'Who looked': await renderReads(panel, data); break;
    case 'Export': renderExport(panel, data); break;
  }
  (document.getElementById(`tab-${slug(tab)}`) as HTMLElement | null)?.focus({ preventScroll: true });
}

function slug(tab: string): string {
  return tab.toLowerCase().replace(/ /g, '-');
}

function tabFromSlug(value: string | undefined): Tab {
  return TABS.find((t) => slug(t) === value) ?? 'Timeline';
}

// Timeline ----------------------------------------------------------------------------------------

let timelineFilter: TimelineFilter = {};

function renderTimeline(panel: HTMLElement, data: CaseData): void {
  const all = data.timeline;
  // a side sheet over the table, so that the table keeps its full width
  const detail = h('aside', { class: 'detail', 'aria-label': 'The selected event', tabindex: -1, hidden: true });
  const body = h('tbody');
  const count = h('p', { class: 'count' });

  const selectFilter = (id: string, label: string, values: string[], key: 'service' | 'type' | 'actor') => {
    const select = h('select', { id, on: { change: () => { timelineFilter[key] = select.value || undefined; draw(); } } },
      h('option', { value: '' }, 'All'), ...values.map((v) => h('option', { value: v, selected: timelineFilter[key] === v }, v)));
    return h('div', { class: 'field' }, h('label', { for: id }, label), select);
  };
  const timeFilter = (id: string, label: string, key: 'from' | 'to') => {
    const input = h('input', { id, type: 'datetime-local', step: 1, on: { change: () => { timelineFilter[key] = localInputToInstant(input.value); draw(); } } });
    return h('div', { class: 'field' }, h('label', { for: id }, label), input);
  };

  function select(entry: TimelineEntry, row: HTMLElement): void {
    body.querySelectorAll('tr[aria-selected="true"]').forEach((r) => r.setAttribute('aria-selected', 'false'));
    row.setAttribute('aria-selected', 'true');
    const close = () => {
      detail.hidden = true;
      row.setAttribute('aria-selected', 'false');
      row.focus();
    };
    detail.onkeydown = (e) => { if (e.key === 'Escape') close(); };
    detail.hidden = false;
    void renderDetail(detail, entry, close);
    detail.focus({ preventScroll: true });
  }

  function draw(): void {
    const shown = applyFilter(all, timelineFilter);
    count.textContent = `${shown.length} of ${all.length} events`;
    clear(body, ...shown.map((entry) => {
      const refusal = isRefusal(entry);
      const row = h('tr', {
        tabindex: 0, class: refusal ? 'refusal' : '', 'aria-selected': 'false', 'data-type': entry.type, 'data-service': entry.service,
        on: {
          click: () => select(entry, row),
          keydown: (e: Event) => {
            const key = (e as KeyboardEvent).key;
            if (key === 'Enter' || key === ' ') { e.preventDefault(); select(entry, row); }
          },
        },
      },
      h('td', null, time(entry.occurredAt, true)),
      h('td', null, serviceChip(entry.service)),
      h('td', { class: 'type' }, entry.type, refusal ? h('span', { class: 'tag-refusal' }, 'refusal') : null,
        entry.published === false ? h('span', { class: 'tag-internal', title: 'Kept by its service, never published to Kafka' }, 'internal') : null),
      h('td', { class: 'actor' }, entry.actor ?? 'system', entry.actorRole ? h('span', { class: 'role' }, entry.actorRole) : null),
      h('td', { class: 'origin', title: entry.origin ?? '' }, h('span', null, entry.origin ?? '—')),
      h('td', { class: 'mono', title: entry.correlationId ?? '' }, tail(entry.correlationId)));
      return row;
    }));
  }

  clear(panel,
    h('form', { class: 'filters', 'aria-label': 'Filter the timeline', on: { submit: (e: Event) => e.preventDefault() } },
      selectFilter('filter-service', 'Service', choices(all, (e) => e.service), 'service'),
      selectFilter('filter-type', 'Type', choices(all, (e) => e.type), 'type'),
      selectFilter('filter-actor', 'Actor', choices(all, (e) => e.actor), 'actor'),
      timeFilter('filter-from', 'From', 'from'),
      timeFilter('filter-to', 'Before', 'to')),
    count,
    h('div', { class: 'split' },
      h('div', { class: 'table-wrap' }, h('table', { class: 'grid timeline', 'data-testid': 'timeline' },
        h('caption', { class: 'sr-only' }, 'Every event of the case in time order; select a row (click, or Enter) for its payload and hash-chain link'),
        h('thead', null, h('tr', null, ...['Time', 'Service', 'Type', 'Actor (role)', 'Origin', 'Correlation'].map((t) => h('th', { scope: 'col' }, t)))),
        body)),
      detail));
  draw();
}

async function renderDetail(detail: HTMLElement, entry: TimelineEntry, close: () => void): Promise<void> {
  const link = h('div', { class: 'link' }, h('p', { class: 'loading' }, 'Reading the hash chain…'));
  clear(detail,
    h('button', { type: 'button', class: 'quiet close', on: { click: close } }, 'Close ✕'),
    h('h2', null, entry.type, h('span', { class: 'version' }, ` v${entry.schemaVersion}`),
      entry.published === false ? h('span', { class: 'tag-internal' }, 'internal') : null),
    h('dl', { class: 'facts' },
      fact('When', time(entry.occurredAt)),
      fact('Service', serviceChip(entry.service)),
      fact('Aggregate', `${entry.aggregateType} ${entry.aggregateId}`),
      fact('Sequence', entry.aggregateSequence ?? '—'),
      fact('Actor', actorLabel(entry)),
      fact('Origin', entry.origin ?? '—'),
      fact('Event id', h('code', null, entry.eventId)),
      fact('Correlation', h('code', null, entry.correlationId ?? '—')),
      fact('Causation', h('code', null, entry.causationId ?? '—'))),
    h('h3', null, 'Payload'),
    h('pre', { class: 'json', 'data-testid': 'payload' }, JSON.stringify(entry.payload, null, 2)),
    h('h3', null, 'Hash-chain link'),
    link);
  if (entry.aggregateSequence === null || !api.has(entry.service)) {
    clear(link, h('p', { class: 'empty' }, 'This event names no stream the console can read.'));
    return;
  }
  try {
    const chained = entry.link !== undefined ? entry.link
      : (await api.get<HistoryPage>(entry.service, `/audit/aggregates/${encodeURIComponent(entry.aggregateId)}/history`,
        { fromSequence: entry.aggregateSequence, limit: 1 })).events[0]?.link;
    clear(link, chained
      ? h('dl', { class: 'facts hashes', 'data-testid': 'chain-link' },
        fact('Sequence', chained.sequence),
        fact('Previous hash', h('code', null, chained.previousHash)),
        fact('Hash', h('code', null, chained.hash)))
      : h('p', { class: 'empty' }, 'This event has no link: it was stored before the chain existed.'));
  } catch (e) {
    clear(link, alertBox(errorText(e)));
  }
}

function fact(term: string, value: Node | string | number): HTMLElement[] {
  return [h("dt", null, term), h("dd", null, value)];
}

// As of -------------------------------------------------------------------------------------------

function renderAsOf(panel: HTMLElement, data: CaseData): void {
  const entries = data.timeline;
  if (entries.length === 0) {
    clear(panel, h('p', { class: 'empty' }, 'The case has no events yet.'));
    return;
  }
  const aggregates = aggregatesOf(entries);
  const slider = h('input', { id: 'as-of', type: 'range', min: 0, max: entries.length - 1, value: entries.length - 1, step: 1 });
  const label = h('output', { for: 'as-of', class: 'as-of-label', 'data-testid': 'as-of-label' });
  const changes = h('section', { class: 'card changes', 'aria-live': 'polite' });
  const states = h('div', { class: 'states' });
  let generation = 0;

  async function show(index: number): Promise<void> {
    const mine = ++generation;
    const entry = entries[index];
    slider.setAttribute('aria-valuetext', `${formatTime(entry.occurredAt)}, ${entry.type}`);
    clear(label, h('strong', null, `Event ${index + 1} of ${entries.length}`), ' · ', time(entry.occurredAt), ' · ', entry.type, ' · ', serviceChip(entry.service));
    const id = (a: { aggregateId: string }) => encodeURIComponent(a.aggregateId);
    const ownsEvent = (a: { service: string; aggregateId: string }) => a.service === entry.service && a.aggregateId === entry.aggregateId;
    try {
      const [results, previous] = await Promise.all([
        Promise.all(aggregates.map((a) => api.has(a.service)
          ? api.getOrNull<AggregateState>(a.service, `/audit/aggregates/${id(a)}/state`,
            ownsEvent(a) && entry.aggregateSequence !== null ? { asOfSequence: entry.aggregateSequence } : { asOf: entry.occurredAt })
          : Promise.resolve(null))),
        entry.aggregateSequence && entry.aggregateSequence > 0 && api.has(entry.service)
          ? api.getOrNull<AggregateState>(entry.service, `/audit/aggregates/${id(entry)}/state`, { asOfSequence: entry.aggregateSequence - 1 })
          : Promise.resolve(null),
      ]);
      if (mine !== generation) return;
      const current = results[aggregates.findIndex(ownsEvent)];
      const changeList = diff(previous?.state ?? null, current?.state ?? null);
      const changed = new Set(changeList.map((c) => c.path));
      clear(changes,
        h('h2', { 'data-testid': 'changes-heading' }, `What ${entry.type} changed in ${entry.aggregateType}`),
        changeList.length === 0 ? h('p', { class: 'empty' }, 'No field of the aggregate changed.') : h('div', { class: 'diff-wrap' }, h('table', { class: 'grid diff', 'data-testid': 'diff' },
          h('thead', null, h('tr', null, ...['Field', 'Before', 'After'].map((t) => h('th', { scope: 'col' }, t)))),
          h('tbody', null, ...changeList.map((c) => h('tr', { class: `diff-${c.kind}` },
            h('td', { class: 'mono' }, c.path),
            h('td', { class: 'mono' }, c.kind === 'added' ? '—' : value(c.before)),
            h('td', { class: 'mono' }, c.kind === 'removed' ? '—' : value(c.after))))))));
      // the chosen event's aggregate first and wide, then those that existed then, then the ones still to come
      const order = aggregates.map((_, i) => i).sort((i, j) => rank(i) - rank(j));
      function rank(i: number): number {
        return ownsEvent(aggregates[i]) ? 0 : results[i] !== null ? 1 : 2;
      }
      clear(states, ...order.map((i) => {
        const a = aggregates[i];
        const state = results[i];
        return h('section', { class: `card state${ownsEvent(a) ? ' current' : ''}`, 'data-testid': `state-${a.aggregateType}` },
          h('h3', null, a.aggregateType, ' ', serviceChip(a.service)),
          h('p', { class: 'meta mono' }, a.aggregateId),
          state === null
            ? h('p', { class: 'empty not-yet' }, 'Did not exist yet at this moment.')
            : [h('p', { class: 'meta' }, `after its event ${state.asOfSequence} · ${formatTime(state.asOfTime)}`),
              stateTable(state.state, ownsEvent(a) ? changed : new Set())]);
      }));
    } catch (e) {
      if (mine === generation) clear(changes, alertBox(errorText(e)));
    }
  }

  slider.addEventListener('input', () => void show(Number(slider.value)));
  const step = (delta: number) => () => {
    slider.value = String(Math.min(entries.length - 1, Math.max(0, Number(slider.value) + delta)));
    void show(Number(slider.value));
  };
  clear(panel,
    h('div', { class: 'card as-of' },
      h('label', { for: 'as-of' }, 'Move through the case: each aggregate’s state right after the chosen event'),
      h('div', { class: 'slider-row' },
        h('button', { type: 'button', 'aria-label': 'Previous event', on: { click: step(-1) } }, '←'),
        slider,
        h('button', { type: 'button', 'aria-label': 'Next event', on: { click: step(1) } }, '→')),
      label),
    changes, states);
  void show(entries.length - 1);
}

function value(v: unknown): string {
  return typeof v === 'string' ? v : JSON.stringify(v);
}

function stateTable(state: unknown, changed: Set<string>): HTMLElement {
  const rows = Object.entries((state ?? {}) as Record<string, unknown>);
  return h('table', { class: 'kv' }, h('tbody', null, ...rows.map(([key, v]) => {
    const touched = [...changed].some((path) => path === key || path.startsWith(`${key}.`));
    return h('tr', { class: touched ? 'touched' : '' }, h('th', { scope: 'row' }, key), h('td', { class: 'mono' }, value(v)));
  })));
}

// Integrity ---------------------------------------------------------------------------------------

function renderIntegrity(panel: HTMLElement, data: CaseData): void {
  clear(panel, ...api.services().map((service) => {
    const verification = data.verifications[service];
    return h('section', { class: 'card' },
      h('h2', null, serviceChip(service), ' ', verification ? badge(verification.status === 'INTACT' ? 'INTACT' : caseVerdict([verification])) : badge('UNKNOWN')),
      verification === null ? alertBox(data.verificationErrors[service] ?? `${service} could not be asked.`)
        : verification.streams.length === 0 ? h('p', { class: 'empty' }, 'This service holds no stream of the case.')
          : h('table', { class: 'grid', 'data-testid': `integrity-${service}` },
            h('thead', null, h('tr', null, ...['Stream', 'Verdict', 'Links checked', 'Head or first broken link'].map((t) => h('th', { scope: 'col' }, t)))),
            h('tbody', null, ...verification.streams.map((stream) => {
              const verdict = streamVerdict(stream);
              return h('tr', { class: verdict === 'BROKEN' ? 'broken' : '' },
                h('td', { class: 'mono' }, stream.aggregateId),
                h('td', null, badge(verdict)),
                h('td', null, stream.linksChecked),
                h('td', { class: 'mono' }, brokenLinkText(stream)
                  ?? (stream.head ? `head: sequence ${stream.head.sequence}, ${short(stream.head.hash, 16)}` : stream.firstBrokenLink?.detail ?? '—')));
            }))));
  }), h('p', { class: 'hint' }, 'Keep the heads: a head noted in an earlier audit that no longer appears shows a rewritten chain.'));
}

// Who looked --------------------------------------------------------------------------------------

async function renderReads(panel: HTMLElement, data: CaseData): Promise<void> {
  clear(panel, h('p', { class: 'loading' }, 'Reading the audit-read logs…'));
  const ids = new Set([data.caseId, ...data.timeline.map((e) => e.aggregateId)]);
  const concerns = (read: AuditRead) => [...ids].some((id) => read.target.includes(id));
  const rows: (AuditRead & { service: string })[] = [];
  const failures: string[] = [];
  await Promise.all(api.services().map(async (service) => {
    try {
      // nobody read the case before its first event; at most 20,000 reads per service, oldest first
      const from = data.timeline[0]?.occurredAt;
      let afterId = 0;
      for (let page = 0; page < 20; page++) {
        const answer = await api.get<{ reads: AuditRead[]; nextAfterId: number | null }>(service, '/audit/reads', { from, afterId, limit: 1000 });
        rows.push(...answer.reads.filter(concerns).map((r) => ({ ...r, service })));
        if (answer.nextAfterId === null || answer.nextAfterId === undefined) break;
        afterId = answer.nextAfterId;
      }
    } catch (e) {
      failures.push(errorText(e));
    }
  }));
  rows.sort((a, b) => Date.parse(b.readAt) - Date.parse(a.readAt));
  clear(panel,
    ...failures.map(alertBox),
    h('p', { class: 'hint' }, 'Every read of this case’s audit trail and histories, newest first. Opening this view is itself recorded.'),
    rows.length === 0 ? h('p', { class: 'empty' }, 'Nobody has read this case yet.') : h('table', { class: 'grid', 'data-testid': 'reads' },
      h('thead', null, h('tr', null, ...['When', 'Who (role)', 'Service', 'What'].map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', null, ...rows.map((r) => h('tr', null,
        h('td', null, time(r.readAt)),
        h('td', null, `${r.principal} (${r.role})`),
        h('td', null, serviceChip(r.service)),
        h('td', { class: 'mono' }, `${r.method} ${r.target}`))))));
}

// Export ------------------------------------------------------------------------------------------

function renderExport(panel: HTMLElement, data: CaseData): void {
  const status = h('p', { 'aria-live': 'polite' });
  const query = () => ({ type: timelineFilter.type, from: timelineFilter.from, to: timelineFilter.to });
  const save = (format: 'csv' | 'jsonl') => async () => {
    try {
      const file = await api.download(COORDINATION, `/audit/cases/${encodeURIComponent(data.caseId)}/timeline`, { ...query(), format },
        `case-${data.caseId}.${format}`);
      const url = URL.createObjectURL(file.blob);
      const anchor = h('a', { href: url, download: file.name });
      document.body.append(anchor);
      anchor.click();
      anchor.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      clear(status, `Saved ${file.name}.`);
    } catch (e) {
      clear(status, alertBox(errorText(e)));
    }
  };
  const filtered = timelineFilter.type || timelineFilter.from || timelineFilter.to;
  clear(panel, h('section', { class: 'card' },
    h('h2', null, 'Take the case away'),
    h('p', null, 'The exports hold the events the services published about the case (events marked internal are in their aggregate’s history). ',
      filtered ? 'They keep the timeline’s type and time filters.' : ''),
    h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'primary', on: { click: save('csv') } }, 'Timeline as CSV'),
      h('button', { type: 'button', on: { click: save('jsonl') } }, 'Timeline as JSON lines'),
      h('button', { type: 'button', on: { click: () => printReport(data) } }, 'Printable report')),
    status,
    h('p', { class: 'hint' }, 'The report opens the browser’s print dialog: choose “Save as PDF” to keep it.')));
}

function printReport(data: CaseData): void {
  const report = main.querySelector('.report') as HTMLElement;
  const verdict = caseVerdict(api.services().map((s) => data.verifications[s]));
  const now = new Date();
  clear(report,
    h('h1', null, `Case report: ${data.engagement?.customerOrganisation ?? data.caseId}`),
    h('p', null, `Case ${data.caseId}. Report made ${now.toISOString()} (${formatTime(now.toISOString())} local time) by ${who.querySelector('.who-name')?.textContent ?? ''}.`),
    h('h2', null, 'Verification: ', badge(verdict)),
    h('ul', null, ...api.services().flatMap((service) => {
      const v = data.verifications[service];
      if (!v) return [h('li', null, `${service}: could not be asked (${data.verificationErrors[service] ?? 'unknown'})`)];
      return v.streams.map((s) => h('li', null, `${service} · ${s.aggregateId}: ${streamVerdict(s)}`,
        brokenLinkText(s) ? ` (${brokenLinkText(s)})` : s.head ? ` (head ${s.head.sequence}: ${s.head.hash})` : ''));
    })),
    h('h2', null, `Timeline (${data.timeline.length} events)`),
    h('table', { class: 'grid' },
      h('thead', null, h('tr', null, ...['Time (UTC)', 'Service', 'Type', 'Actor (role)', 'Correlation'].map((t) => h('th', null, t)))),
      h('tbody', null, ...data.timeline.map((e) => h('tr', null,
        h('td', null, e.occurredAt), h('td', null, e.service),
        h('td', null, e.type, isRefusal(e) ? h('span', { class: 'refusal-mark' }, ' (refusal)') : null), h('td', null, actorLabel(e)), h('td', null, e.correlationId ?? ''))))));
  window.print();
}

// ---------------------------------------------------------------------------------------------
// Routing and start

function route(): void {
  const hash = location.hash.replace(/^#/, '');
  const caseMatch = /^\/case\/([^/]+)(?:\/([a-z-]+))?$/.exec(hash);
  if (caseMatch) {
    void renderCase(decodeURIComponent(caseMatch[1]), tabFromSlug(caseMatch[2]));
  } else {
    void renderFind(new URLSearchParams(hash.split('?')[1] ?? ''));
  }
}

async function start(): Promise<void> {
  const params = new URLSearchParams(location.search);
  if (config.oidc && (params.has('code') || params.has('error'))) {
    try {
      tokenStore.set(await completeSignIn(config.oidc, params));
    } catch (e) {
      history.replaceState(null, '', location.pathname + location.hash);
      renderSignIn(errorText(e));
      return;
    }
    history.replaceState(null, '', location.pathname + location.hash);
  }
  const token = tokenStore.get();
  if (!token) {
    renderSignIn();
    return;
  }
  let identity: Identity;
  try {
    identity = identityOf(token, config.rolesClaim);
  } catch (e) {
    tokenStore.clear();
    renderSignIn(errorText(e));
    return;
  }
  if (isExpired(identity)) {
    tokenStore.clear();
    renderSignIn('Your token has expired. Sign in again.');
    return;
  }
  const role = auditRole(identity);
  if (!role) {
    renderDenied(identity);
    return;
  }
  api = new Api(config, token);
  renderWho(identity, role);
  window.addEventListener('hashchange', route);
  route();
}

loadConfig()
  .then((loaded) => { config = loaded; return start(); })
  .catch((e) => clear(main, alertBox(e instanceof ApiError ? e.message : errorText(e))));
