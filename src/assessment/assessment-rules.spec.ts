import { correctionProblem, periodNumberProblem, RULE_INFO, RULE_KEYS, rulePointsProblem } from './assessment-rules';

describe('periodNumberProblem', () => {
  it.each([
    ['month', 12, null],
    ['month', 13, '月度考核的期次应为 1—12'],
    ['quarter', 4, null],
    ['quarter', 5, '季度考核的期次应为 1—4'],
    ['year', 1, null],
    ['year', 2, '年度考核的期次只能为 1'],
  ] as const)('%s %i → %s', (kind, number, problem) => {
    expect(periodNumberProblem(kind, number)).toBe(problem);
  });
});

describe('rulePointsProblem', () => {
  it.each([
    ['closed_on_time', 1, null],
    ['closed_on_time', 0, null],
    ['closed_on_time', -1, '按期办结是加分项，分值应为 0 或正数'],
    ['overdue_item', -2, null],
    ['overdue_item', 0, null],
    ['overdue_item', 5, '逾期事项是扣分项，分值应为 0 或负数（如 -2）'],
  ] as const)('%s %d → %s', (key, points, problem) => {
    expect(rulePointsProblem(key, points)).toBe(problem);
  });

  it('gives every rule a sign', () => {
    expect(RULE_KEYS.filter((key) => RULE_INFO[key].sign === 'reward')).toEqual(['closed_on_time', 'rectification_signed_off', 'target_met']);
  });
});

describe('correctionProblem', () => {
  const line = { rule: 'report_returned' as const, points: -0.6 };
  const capped = { points: -0.5, cap: 5 };
  it.each([
    ['to 0', 0, capped, [], null],
    ['to a smaller deduction', -0.2, capped, [-1], null],
    ['to the same points', -0.6, capped, [], '更正后的分值与现行分值（-0.6 分）相同，无须采纳；不更正分值的，请驳回申诉并说明理由'],
    ['to a reward', 100, capped, [], '更正后的分值不符合规则：进展报告被退回是扣分项，分值应为 0 或负数（如 -2）'],
    ['past what the cap leaves', -1.5, capped, [-4, -0.5], '进展报告被退回每期对一个单位最多计 5 分，本单位其他各行已计 4.5 分，更正后的分值不能超过 0.5 分（绝对值）'],
    ['to exactly what the cap leaves', -0.5, capped, [-4, -0.5], null],
    ['without a cap', -50, { points: -0.5, cap: null }, [-40], null],
  ] as const)('%s', (_what, corrected, setting, others, problem) => {
    expect(correctionProblem(line, corrected, setting, others)).toBe(problem);
  });
});
