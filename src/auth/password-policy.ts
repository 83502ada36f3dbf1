import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

/**
 * zxcvbn's score runs 0–4; 3 is its "safely unguessable" (about 10^8 guesses and more). Below it are
 * the common passwords of its dictionary, their variants (`password1234`), keyboard walks, sequences
 * and repeats.
 */
const MIN_SCORE = 3;

/** What every refusal tells the person, so they know what to type instead. */
export const PASSWORD_ADVICE = `密码至少 ${PASSWORD_MIN_LENGTH} 个字符，不能包含用户名，也不能是常见密码；建议用几个词组成的短句`;

export type PasswordWeakness = 'too_short' | 'contains_username' | 'guessable';

const WEAKNESS_MESSAGES: Record<PasswordWeakness, string> = {
  too_short: `太短：${PASSWORD_ADVICE}`,
  contains_username: `包含了用户名：${PASSWORD_ADVICE}`,
  guessable: `是常见密码或其简单变形，容易被猜中：${PASSWORD_ADVICE}`,
};

// Built once: the common dictionaries are compiled into a lookup when the factory is made.
const estimator = new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });

/** Why a password may not be used by this user, or null when it may. Characters are counted as people see them. */
export function passwordWeakness(password: string, username: string): PasswordWeakness | null {
  if ([...password].length < PASSWORD_MIN_LENGTH) return 'too_short';
  if (username !== '' && password.toLowerCase().includes(username.toLowerCase())) return 'contains_username';
  if (estimator.check(password, [username]).score < MIN_SCORE) return 'guessable';
  return null;
}

/** The Chinese sentence for a refusal, after the field's name (e.g. “新密码太短：…”). */
export function passwordWeaknessMessage(weakness: PasswordWeakness): string {
  return WEAKNESS_MESSAGES[weakness];
}
