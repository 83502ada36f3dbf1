import { DomainError } from './errors/domain-error';
import { IllegalTransitionError, StateMachine, Transition } from './state-machine';

type Light = 'off' | 'on' | 'broken';
type Step = 'switch_on' | 'switch_off' | 'check' | 'break';
interface Rule extends Transition<Light> {
  by: 'anyone' | 'electrician';
}

const machine = new StateMachine<Light, Step, Rule>(
  {
    switch_on: { from: ['off'], to: 'on', by: 'anyone' },
    switch_off: { from: ['on'], to: 'off', by: 'anyone' },
    check: { from: ['off', 'on'], to: null, by: 'electrician' },
    break: { from: ['off', 'on'], to: 'broken', by: 'anyone' },
  },
  (status, step) => `灯当前为${status}，不能${step}`,
);

describe('StateMachine', () => {
  it.each<[Light, Step, Light | null]>([
    ['off', 'switch_on', 'on'],
    ['on', 'switch_off', 'off'],
    ['on', 'check', 'on'],
    ['off', 'check', 'off'],
    ['on', 'break', 'broken'],
    ['off', 'switch_off', null],
    ['on', 'switch_on', null],
    ['broken', 'switch_on', null],
    ['broken', 'check', null],
  ])('%s × %s → %s', (status, step, expected) => {
    expect(machine.canTransition(status, step)).toBe(expected !== null);
    if (expected === null) expect(() => machine.assertTransition(status, step)).toThrow(IllegalTransitionError);
    else expect(machine.assertTransition(status, step)).toBe(expected);
  });

  it('refuses with a coded 409 error carrying the state and the step, in the words the table gives', () => {
    let thrown: unknown;
    try {
      machine.assertTransition('broken', 'switch_on');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DomainError);
    expect(thrown).toMatchObject({ code: 'ILLEGAL_TRANSITION', message: '灯当前为broken，不能switch_on', details: { status: 'broken', action: 'switch_on' } });
  });

  it('lists the steps open in a state in the table order, filtered by the extra fields of a step', () => {
    expect(machine.available('on')).toEqual(['switch_off', 'check', 'break']);
    expect(machine.available('on', (rule) => rule.by === 'anyone')).toEqual(['switch_off', 'break']);
    expect(machine.available('broken')).toEqual([]);
    expect(machine.transition('check').by).toBe('electrician');
  });
});
