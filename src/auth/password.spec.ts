import * as argon2 from 'argon2';
import { hashPassword, verifyPassword } from './password';

describe('password hashing', () => {
  it('hashes with argon2id at 19 MiB, 2 passes, 1 lane, and verifies only the same password', async () => {
    const hash = await hashPassword('东湖街道联络员2026');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    await expect(verifyPassword(hash, '东湖街道联络员2026')).resolves.toBe(true);
    await expect(verifyPassword(hash, '东湖街道联络员2025')).resolves.toBe(false);
  });

  it('still verifies a hash made with the earlier parameters (the library defaults)', async () => {
    const earlier = await argon2.hash('an-earlier-password', { type: argon2.argon2id });
    expect(earlier).toMatch(/m=65536,t=3,p=4/);
    await expect(verifyPassword(earlier, 'an-earlier-password')).resolves.toBe(true);
  });

  it('answers false for a stored value that is no hash', async () => {
    await expect(verifyPassword('not-a-hash', 'whatever-password')).resolves.toBe(false);
  });
});
