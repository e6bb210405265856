import { describe, expect, it } from 'vitest';
import { brokenLinkText, caseVerdict, streamVerdict } from './integrity';
import type { CaseVerification, StreamVerification } from './model';

const intact: StreamVerification = { aggregateId: 'e1', status: 'INTACT', linksChecked: 3, head: { sequence: 2, eventId: 'x', previousHash: 'p', hash: 'h' } };
const altered: StreamVerification = {
  aggregateId: 'e2', status: 'BROKEN', linksChecked: 1,
  firstBrokenLink: { sequence: 1, eventId: 'ev-1', problem: 'CONTENT_ALTERED', detail: 'changed', differingColumns: ['payload'] },
};
const unchained: StreamVerification = {
  aggregateId: 'e3', status: 'BROKEN', linksChecked: 0,
  firstBrokenLink: { sequence: 0, eventId: 'ev-0', problem: 'EVENT_NOT_CHAINED', detail: 'before the chain' },
};
const verification = (...streams: StreamVerification[]): CaseVerification => ({ caseId: 'c', status: 'INTACT', streams });

describe('integrity', () => {
  it('tells a stream from before the chain apart from a broken one', () => {
    expect(streamVerdict(intact)).toBe('INTACT');
    expect(streamVerdict(altered)).toBe('BROKEN');
    expect(streamVerdict(unchained)).toBe('NOT CHAINED');
  });

  it('names the first broken link and its columns', () => {
    expect(brokenLinkText(altered)).toBe('first broken link: sequence 1 (event ev-1), CONTENT_ALTERED in payload');
    expect(brokenLinkText(intact)).toBeNull();
  });

  it('judges the case by its worst stream', () => {
    expect(caseVerdict([verification(intact), verification()])).toBe('INTACT');
    expect(caseVerdict([verification(intact), verification(unchained)])).toBe('NOT CHAINED');
    expect(caseVerdict([verification(unchained), verification(altered)])).toBe('BROKEN');
  });

  it('does not call a case intact when a service could not be asked', () => {
    expect(caseVerdict([verification(intact), null])).toBe('UNKNOWN');
    expect(caseVerdict([verification(altered), null])).toBe('BROKEN');
  });
});
