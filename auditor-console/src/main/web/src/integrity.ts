// The badges: what a verification says, in the words of the auditor's guide.
import type { CaseVerification, StreamVerification } from './model';

export type Verdict = 'INTACT' | 'BROKEN' | 'NOT CHAINED' | 'UNKNOWN';

/** A stream stored before the hash chain existed verifies as EVENT_NOT_CHAINED at sequence 0: not chained, not broken. */
export function streamVerdict(stream: StreamVerification): Verdict {
  if (stream.status === 'INTACT') return 'INTACT';
  const broken = stream.firstBrokenLink;
  if (broken && broken.problem === 'EVENT_NOT_CHAINED' && broken.sequence === 0) return 'NOT CHAINED';
  return 'BROKEN';
}

/** The first broken link, as a sentence: "sequence 3 (event …): CONTENT_ALTERED in payload". */
export function brokenLinkText(stream: StreamVerification): string | null {
  const b = stream.firstBrokenLink;
  if (!b || streamVerdict(stream) !== 'BROKEN') return null;
  const columns = b.differingColumns?.length ? ` in ${b.differingColumns.join(', ')}` : '';
  return `first broken link: sequence ${b.sequence} (event ${b.eventId}), ${b.problem}${columns}`;
}

/** The case as a whole: BROKEN if any stream is, else NOT CHAINED if any is, else INTACT; UNKNOWN when a service could not be asked. */
export function caseVerdict(perService: (CaseVerification | null)[]): Verdict {
  if (perService.some((v) => v === null)) {
    const known = perService.filter((v): v is CaseVerification => v !== null);
    return known.flatMap((v) => v.streams).some((s) => streamVerdict(s) === 'BROKEN') ? 'BROKEN' : 'UNKNOWN';
  }
  const verdicts = perService.flatMap((v) => (v as CaseVerification).streams).map(streamVerdict);
  if (verdicts.includes('BROKEN')) return 'BROKEN';
  if (verdicts.includes('NOT CHAINED')) return 'NOT CHAINED';
  return 'INTACT';
}
