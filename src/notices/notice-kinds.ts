import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { validationFailed } from '../common/validation';
import { BUILT_IN_NOTICE_KINDS } from './kinds';
import type { NoticeDrafter, NoticeKindDefinition, OverdueSource } from './notice-kind';

/** What fits `notices.kind` (varchar 24) and reads well in a URL. */
const KIND_NAME = /^[a-z][a-z0-9_]{0,23}$/;

/**
 * The kinds of notice, what each is drafted from, and the overdue work circulars list. The built-in
 * kinds register here; features register the drafters that read their records (assignments/,
 * rectifications/) and their overdue work, in their own `onModuleInit`. The notices engine asks only this.
 */
@Injectable()
export class NoticeKinds implements OnApplicationBootstrap {
  private readonly kinds = new Map<string, NoticeKindDefinition>();
  /** kind → subject → drafter */
  private readonly drafters = new Map<string, Map<string, NoticeDrafter>>();
  private readonly overdue: OverdueSource[] = [];

  constructor() {
    for (const definition of BUILT_IN_NOTICE_KINDS) this.register(definition);
  }

  register<C extends object>(definition: NoticeKindDefinition<C>): void {
    if (!KIND_NAME.test(definition.kind)) throw new Error(`Notice kind "${definition.kind}": lower-case letters, digits and _, at most 24 characters`);
    if (this.kinds.has(definition.kind)) throw new Error(`Notice kind ${definition.kind} is registered twice`);
    this.kinds.set(definition.kind, definition as NoticeKindDefinition);
    for (const [subject, drafter] of Object.entries(definition.drafters ?? {})) this.registerDrafter(subject, definition.kind, drafter);
  }

  /** How a notice of `kind` is drafted from a `subject` record. */
  registerDrafter(subject: string, kind: string, drafter: NoticeDrafter): void {
    const bySubject = this.drafters.get(kind) ?? new Map<string, NoticeDrafter>();
    if (bySubject.has(subject)) throw new Error(`Two drafters of ${kind} from ${subject}`);
    this.drafters.set(kind, bySubject.set(subject, drafter));
  }

  /** Overdue work a circular lists (from the overdue list, or a listing's). */
  registerOverdueSource(source: OverdueSource): void {
    this.overdue.push(source);
    this.overdue.sort((a, b) => a.order - b.order);
  }

  /** Every kind, the built-in ones first, in the order registered. */
  all(): NoticeKindDefinition[] {
    return [...this.kinds.values()];
  }

  /** The kind, or the refusal the API gives for a kind it does not know (400 VALIDATION_FAILED on `kind`). */
  get(kind: string): NoticeKindDefinition {
    const definition = this.kinds.get(kind);
    if (!definition) throw validationFailed([{ field: 'kind', message: `通知类型应为以下值之一：${[...this.kinds.keys()].join(', ')}` }]);
    return definition;
  }

  /** What people call a kind; a stored notice of a kind no longer registered shows its code. */
  label(kind: string): string {
    return this.kinds.get(kind)?.label ?? kind;
  }

  /** What the kind asks the office to weigh before a draft with this content is issued. */
  async issueCautions(kind: string, content: Record<string, unknown>): Promise<string[]> {
    const definition = this.kinds.get(kind);
    return definition?.issueCautions ? definition.issueCautions(content) : [];
  }

  /** The kinds a record of this subject can be drafted into (what a task's page offers). */
  draftableFrom(subject: string): NoticeKindDefinition[] {
    return this.all().filter((k) => k.subjects.includes(subject) && this.drafters.get(k.kind)?.has(subject));
  }

  drafter(kind: string, subject: string): NoticeDrafter {
    const drafter = this.drafters.get(kind)?.get(subject);
    if (!drafter) throw new Error(`No drafter of ${kind} from ${subject} is registered`);
    return drafter;
  }

  overdueSources(): readonly OverdueSource[] {
    return this.overdue;
  }

  /** Once every module has registered: a subject a kind names without its drafter, or a drafter nobody asks for, refuses the start. */
  onApplicationBootstrap(): void {
    const missing = this.all().flatMap((k) => k.subjects.filter((s) => !this.drafters.get(k.kind)?.has(s)).map((s) => `no drafter of ${k.kind} from ${s}`));
    const stray = [...this.drafters].flatMap(([kind, bySubject]) => [...bySubject.keys()].filter((s) => !this.kinds.get(kind)?.subjects.includes(s)).map((s) => `a drafter of ${kind} from ${s}, which ${this.kinds.has(kind) ? 'it is not drafted from' : 'is not a registered kind'}`));
    if (missing.length + stray.length > 0) throw new Error(`Notice kinds: ${[...missing, ...stray].join('; ')}`);
  }
}
