import { Foundation1764000000000 } from './1764000000000-foundation';
import { Directives1764100000000 } from './1764100000000-directives';
import { Reminders1764200000000 } from './1764200000000-reminders';
import { Notices1764300000000 } from './1764300000000-notices';
import { Rectification1764400000000 } from './1764400000000-rectification';
import { FormSubmissions1764500000000 } from './1764500000000-form-submissions';
import { NoticeRenderRetries1764600000000 } from './1764600000000-notice-render-retries';
import { NoticeSealFormat1764700000000 } from './1764700000000-notice-seal-format';
import { SupervisionNoticeSubject1764800000000 } from './1764800000000-supervision-notice-subject';
import { ChaseSubjects1764900000000 } from './1764900000000-chase-subjects';
import { ListOrder1765000000000 } from './1765000000000-list-order';
import { NoticePdfBacklog1765300000000 } from './1765300000000-notice-pdf-backlog';
import { DirectiveTerms1765400000000 } from './1765400000000-directive-terms';
import { ListIndexes1765500000000 } from './1765500000000-list-indexes';
import { Extraction1766000000000 } from './1766000000000-extraction';
import { BoardIndexes1766100000000 } from './1766100000000-board-indexes';
import { Assessment1766200000000 } from './1766200000000-assessment';
import { ImportPreviews1766300000000 } from './1766300000000-import-previews';
import { DocumentBodyMediumtext1766400000000 } from './1766400000000-document-body-mediumtext';

/** Every migration, oldest first. A new migration is added here as well as in this folder. */
export const MIGRATIONS = [Foundation1764000000000, Directives1764100000000, Reminders1764200000000, Notices1764300000000, Rectification1764400000000, FormSubmissions1764500000000, NoticeRenderRetries1764600000000, NoticeSealFormat1764700000000, SupervisionNoticeSubject1764800000000, ChaseSubjects1764900000000, ListOrder1765000000000, NoticePdfBacklog1765300000000, DirectiveTerms1765400000000, ListIndexes1765500000000, Extraction1766000000000, BoardIndexes1766100000000, Assessment1766200000000, ImportPreviews1766300000000, DocumentBodyMediumtext1766400000000];
