import { passwordWeakness } from '../auth/password-policy';
import { DEMO_ACCOUNTS } from './demo-city';
import { generateDemoPassword } from './demo-seeder';

describe('generateDemoPassword', () => {
  it('draws passwords the password rule accepts for every demo account', () => {
    const drawn = Array.from({ length: 50 }, generateDemoPassword);
    expect(new Set(drawn).size).toBe(drawn.length);
    for (const password of drawn) {
      for (const { username } of DEMO_ACCOUNTS) expect(passwordWeakness(password, username)).toBeNull();
    }
  });
});
