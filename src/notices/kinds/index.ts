import type { NoticeKindDefinition } from '../notice-kind';
import { CIRCULAR } from './circular';
import { INTERVIEW_LETTER } from './interview-letter';
import { RECTIFICATION_NOTICE } from './rectification-notice';
import { SUPERVISION_NOTICE } from './supervision-notice';

/** The kinds every office issues, registered by `NoticeKinds` itself; features may register more. */
export const BUILT_IN_NOTICE_KINDS: readonly NoticeKindDefinition[] = [SUPERVISION_NOTICE, CIRCULAR, INTERVIEW_LETTER, RECTIFICATION_NOTICE];

/** Their names, for the API document (the server accepts every registered kind). */
export const NOTICE_KINDS = BUILT_IN_NOTICE_KINDS.map((k) => k.kind);

/** Their labels, for tables that are fixed when the code loads (the audit trail's); others ask `NoticeKinds`. */
export const NOTICE_KIND_LABELS: Readonly<Record<string, string>> = Object.fromEntries(BUILT_IN_NOTICE_KINDS.map((k) => [k.kind, k.label]));
