import { PASSWORD_ADVICE, passwordWeakness, passwordWeaknessMessage, PasswordWeakness } from './password-policy';

describe('passwordWeakness', () => {
  it.each<[string, string, PasswordWeakness | null]>([
    // Too short, however random.
    ['password', 'office', 'too_short'],
    ['12345678', 'office', 'too_short'],
    ['Kx7#mQ2v!Rt', 'office', 'too_short'],
    ['', 'office', 'too_short'],
    // Chinese characters count one each: eleven are too few, twelve are enough.
    ['春天来了西山镇的桃花开', 'office', 'too_short'],
    ['春天来了西山镇的桃花开了', 'office', null],
    // The username anywhere, in any case.
    ['unit-police-2026', 'unit-police', 'contains_username'],
    ['my-UNIT-POLICE-river', 'unit-police', 'contains_username'],
    ['lamp-river-office', 'office', 'contains_username'],
    // Long enough, yet in the common dictionary or a simple variant of it.
    ['password1234', 'office', 'guessable'],
    ['123456789012', 'office', 'guessable'],
    ['Passw0rd!2024', 'office', 'guessable'],
    ['qwertyuiop123', 'office', 'guessable'],
    ['1qaz2wsx3edc', 'office', 'guessable'],
    ['iloveyou1234', 'office', 'guessable'],
    ['aaaaaaaaaaaa', 'office', 'guessable'],
    ['abcabcabcabc', 'office', 'guessable'],
    // A few words make a good password.
    ['correct-horse-battery', 'office', null],
    ['river lamp cloud', 'office', null],
    ['Kx7mPq2vRt9w', 'office', null],
    ['x'.repeat(3) + 'harbour-lantern-quietly', 'unit-town1', null],
  ])('%j for %s: %s', (password, username, expected) => {
    expect(passwordWeakness(password, username)).toBe(expected);
  });

  it('says what to do for every weakness', () => {
    for (const weakness of ['too_short', 'contains_username', 'guessable'] as const) {
      expect(passwordWeaknessMessage(weakness)).toContain(PASSWORD_ADVICE);
    }
    expect(PASSWORD_ADVICE).toBe('密码至少 12 个字符，不能包含用户名，也不能是常见密码；建议用几个词组成的短句');
  });
});
