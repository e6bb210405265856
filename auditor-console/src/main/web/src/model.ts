// The shapes of the services' /audit/... answers (docs/auditor-guide.md), as far as the console reads them.

export interface ConsoleConfig {
  /** service name -> base URL; '' is the page's own origin */
  services: Record<string, string>;
  oidc?: { issuer: string; clientId: string; scope: string };
  pastedTokenSignIn: boolean;
  rolesClaim: string;
}

export interface TimelineEntry {
  occurredAt: string;
  eventId: string;
  caseId: string;
  service: string;
  type: string;
  schemaVersion: number;
  aggregateType: string;
  aggregateId: string;
  aggregateSequence: number | null;
  actor: string | null;
  actorRole: string | null;
  correlationId: string | null;
  causationId: string | null;
  origin: string | null;
  payload: unknown;
  /** false for an event its service keeps to itself (read from the aggregate's history, not the topics) */
  published?: boolean;
  /** the event's hash-chain link, when read from the history */
  link?: ChainLink | null;
}

export interface ChainLink {
  sequence: number;
  eventId: string;
  previousHash: string;
  hash: string;
}

export interface AuditedEvent {
  sequence: number;
  eventId: string;
  type: string;
  schemaRevision: string | null;
  occurredAt: string;
  actor: string | null;
  actorRole: string | null;
  correlationId: string | null;
  causationId: string | null;
  origin: string | null;
  payload: unknown;
  link: ChainLink | null;
}

export interface HistoryPage {
  aggregateId: string;
  aggregateType: string;
  events: AuditedEvent[];
  nextFromSequence?: number;
  chainHead?: ChainLink;
}

export interface BrokenLink {
  sequence: number;
  eventId: string;
  problem: string;
  detail: string;
  differingColumns?: string[];
}

export interface StreamVerification {
  aggregateId: string;
  status: 'INTACT' | 'BROKEN';
  linksChecked: number;
  head?: ChainLink;
  firstBrokenLink?: BrokenLink;
}

export interface CaseVerification {
  caseId: string;
  status: 'INTACT' | 'BROKEN';
  streams: StreamVerification[];
}

export interface AggregateState {
  aggregateId: string;
  aggregateType: string;
  asOfSequence: number;
  asOfTime: string;
  eventsApplied: number;
  state: unknown;
}

export interface AuditRead {
  id: number;
  principal: string;
  role: string;
  method: string;
  target: string;
  correlationId: string | null;
  readAt: string;
}

export interface EngagementSummary {
  engagementId: string;
  customerOrganisation: string;
  csm: string;
  status: string;
  currentStep: string;
  updatedAt: string;
}

export interface EngagementPage {
  items: EngagementSummary[];
  page: number;
  pageSize: number;
  total: number;
}
