import { NoticeKinds } from './notice-kinds';
import type { NoticeDrafter } from './notice-kind';

const drafter: NoticeDrafter = async () => ({ notice: {}, recipients: [] });
class NoContent {}
const kind = (name: string, subjects: string[]) => ({ kind: name, label: '测试函', template: 'test.hbs', content: NoContent, codeSuffix: '测', subjects });

/** The built-in kinds with the drafters assignments/ and rectifications/ register at start. */
function withFeatureDrafters(): NoticeKinds {
  const kinds = new NoticeKinds();
  for (const k of ['supervision_notice', 'interview_letter', 'rectification_notice']) {
    kinds.registerDrafter('assignment', k, drafter);
    kinds.registerDrafter('rectification', k, drafter);
  }
  kinds.registerDrafter('inspection', 'rectification_notice', drafter);
  return kinds;
}

describe('notice kinds', () => {
  it('knows the built-in kinds, and starts once each subject they are drafted from has its drafter', () => {
    const kinds = withFeatureDrafters();
    expect(kinds.all().map((k) => k.kind)).toEqual(['supervision_notice', 'circular', 'interview_letter', 'rectification_notice']);
    expect(kinds.draftableFrom('assignment').map((k) => k.label)).toEqual(['督办通知书', '约谈通知书', '整改通知书']);
    expect(kinds.draftableFrom('overdue_list').map((k) => k.kind)).toEqual(['circular']);
    expect(() => kinds.onApplicationBootstrap()).not.toThrow();
  });

  it('refuses to start without a drafter a kind needs, naming it', () => {
    const kinds = new NoticeKinds();
    expect(() => kinds.onApplicationBootstrap()).toThrow(/no drafter of supervision_notice from assignment; .*no drafter of rectification_notice from inspection/);
  });

  it('refuses to start with a drafter for a kind or subject nobody registered', () => {
    const kinds = withFeatureDrafters();
    kinds.registerDrafter('assignment', 'warning_letter', drafter);
    kinds.registerDrafter('inspection', 'supervision_notice', drafter);
    expect(() => kinds.onApplicationBootstrap()).toThrow('Notice kinds: a drafter of supervision_notice from inspection, which it is not drafted from; a drafter of warning_letter from assignment, which is not a registered kind');
  });

  it('refuses a kind registered twice, a name that does not fit the table, and a second drafter for the same pair', () => {
    const kinds = new NoticeKinds();
    expect(() => kinds.register(kind('circular', []))).toThrow('registered twice');
    expect(() => kinds.register(kind('Warning-Letter', []))).toThrow('lower-case');
    expect(() => kinds.register(kind('a'.repeat(25), []))).toThrow('at most 24');
    kinds.registerDrafter('assignment', 'supervision_notice', drafter);
    expect(() => kinds.registerDrafter('assignment', 'supervision_notice', drafter)).toThrow('Two drafters');
  });

  it('answers an unknown kind as the API always has: 400 on the field kind, listing the kinds there are', () => {
    const kinds = new NoticeKinds();
    kinds.register(kind('warning_letter', []));
    expect(() => kinds.get('bogus')).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED', details: [{ field: 'kind', message: '通知类型应为以下值之一：supervision_notice, circular, interview_letter, rectification_notice, warning_letter' }] }));
    expect(kinds.get('warning_letter').label).toBe('测试函');
    expect(kinds.label('retired_kind')).toBe('retired_kind');
  });
});
