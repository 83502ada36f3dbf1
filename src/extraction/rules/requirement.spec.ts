import { REQUIREMENT_MAX, requirementPhrase } from './requirement';

describe('requirementPhrase', () => {
  it('strips the owner clause, the deadline, owner notes, lead words and punctuation', () => {
    const clause = '市公安局要在6月底前建成反诈中心（市公安局牵头，市财政局配合）。';
    const owner = { start: 0, end: 5 };
    const deadline = { start: clause.indexOf('6月底前'), end: clause.indexOf('6月底前') + 4 };
    expect(requirementPhrase(clause, [owner, deadline])).toBe('建成反诈中心');
  });

  it.each([
    ['一是各村要召开反电诈动员部署会议。', '各村要召开反电诈动员部署会议'],
    ['要深入串并深挖，落实“局长盯案”工作机制。', '深入串并深挖，落实“局长盯案”工作机制'],
    ['到2025年底前,全市示范社区全面建成。', '全市示范社区全面建成'],
  ])('%s → %s', (clause, phrase) => {
    const deadline = clause.indexOf('2025年底前');
    expect(requirementPhrase(clause, deadline >= 0 ? [{ start: deadline, end: deadline + 7 }] : [])).toBe(phrase);
  });

  it.each([
    // who said it is not what is asked
    ['会议要求，进一步完善预警劝阻机制。', [], '完善预警劝阻机制'],
    ['会议强调，各镇街要加大推广力度。', ['各镇街要'], '加大推广力度'],
    // …nor whom it asked to lead, nor the partners named first
    ['会议要求市公安局牵头，各镇街、各通信运营商配合，年底前安装注册率达到60%以上。', ['要求市公安局牵头', '年底前'], '安装注册率达到60%以上'],
    ['市教育局牵头，会同南溪镇，把反诈教育纳入开学第一课。', ['市教育局牵头'], '把反诈教育纳入开学第一课'],
    ['人民银行牵头组织银行机构开展排查，完成核查，市公安局配合。', ['人民银行牵头'], '组织银行机构开展排查，完成核查'],
    // a "于" or "在" left before a deadline taken out goes with it; one ending a word stays
    ['各乡镇于10月15日前完成排查。', ['各乡镇', '10月15日前'], '完成排查'],
    ['要在6月底前建成反诈中心。', ['6月底前'], '建成反诈中心'],
    ['由于汛期临近，6月底前完成清淤。', ['6月底前'], '由于汛期临近，完成清淤'],
    ['存在问题的，9月底前整改到位。', ['9月底前'], '存在问题的，整改到位'],
  ])('%s → %s', (clause, removed, phrase) => {
    const removals = removed.map((words) => ({ start: clause.indexOf(words), end: clause.indexOf(words) + words.length }));
    expect(requirementPhrase(clause, removals)).toBe(phrase);
  });

  it('keeps other parentheses', () => {
    expect(requirementPhrase('建成社区服务综合体(社区服务中心)。', [])).toBe('建成社区服务综合体(社区服务中心)');
  });

  it(`cuts a long clause at a comma to at most ${REQUIREMENT_MAX} characters`, () => {
    const clause = '加快建设新型犯罪研究作战中心，强力推进资源信息整合、系统平台融合、打击职能聚合，以专项行动为载体，查源头、打末端，抓金主、端窝点，开展集群打击。';
    const phrase = requirementPhrase(clause, []);
    expect(phrase.length).toBeLessThanOrEqual(REQUIREMENT_MAX);
    expect(clause.startsWith(phrase)).toBe(true);
    expect(phrase).not.toMatch(/[，。]$/);
  });
});
