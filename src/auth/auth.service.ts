import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { Actor, Role } from '../access/actor';
import { AuditService } from '../audit/audit.service';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { DomainError, UnauthenticatedError } from '../common/errors/domain-error';
import { ReadCache, WriteWatch } from '../database/read-cache';
import { ChangeOwnPasswordDto, UserView } from '../users/dto/user.dto';
import { UsersService } from '../users/users.service';
import { User } from '../users/user.entity';
import type { LoginResultView } from './dto/login.dto';
import { hashPassword, verifyPassword } from './password';

interface TokenPayload {
  sub: string;
  /** The user's token version when issued; a mismatch means the token was revoked. */
  tv: number;
  role: Role;
  unit: number | null;
}

@Injectable()
export class AuthService {
  /** Compared against when the username is unknown, so timing does not reveal which usernames exist. */
  private readonly decoyHash = hashPassword('decoy-password-for-unknown-users');

  /**
   * Who a token's user is now, read once per few seconds rather than on every request. A change on this
   * instance (logout, deactivation, new role) is a write and clears it at once; one made on another
   * instance takes effect here within `READ_CACHE_SECONDS`. Read only: never change a cached user.
   */
  private readonly signedIn: ReadCache<User | null>;

  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly jwt: JwtService,
    private readonly audit: AuditService,
    private readonly usersService: UsersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    writes: WriteWatch,
  ) {
    this.signedIn = new ReadCache(writes, config.readCacheMs, 10_000);
  }

  async login(rawUsername: string, password: string): Promise<LoginResultView> {
    const username = rawUsername.trim().toLowerCase();
    const user = await this.users.findOne({ where: { username }, relations: { unit: true } });
    const passwordMatches = await verifyPassword(user?.passwordHash ?? (await this.decoyHash), password);
    if (!user || !passwordMatches || !user.active) {
      const reason = !user ? 'unknown_user' : !passwordMatches ? 'wrong_password' : 'inactive';
      await this.audit.record({
        action: 'auth.login_failed',
        objectType: 'user',
        objectId: user?.id,
        changes: { reason: [null, reason] },
        actor: { userId: user?.id ?? null, username, unitId: user?.unitId ?? null } as Actor,
      });
      throw new DomainError('INVALID_CREDENTIALS', '用户名或密码错误，或账号已停用');
    }
    user.lastLoginAt = new Date();
    await this.users.update({ id: user.id }, { lastLoginAt: user.lastLoginAt });
    await this.audit.record({ action: 'auth.login', objectType: 'user', objectId: user.id, actor: { userId: user.id, username: user.username, unitId: user.unitId } });
    return { accessToken: await this.issueToken(user), expiresIn: this.config.jwtExpiresInSeconds, user: UserView.of(user) };
  }

  /** Changes the actor's password and hands back a fresh token, since the old ones are now revoked. */
  async changeOwnPassword(actor: Actor, dto: ChangeOwnPasswordDto): Promise<LoginResultView> {
    const user = await this.usersService.changeOwnPassword(actor, dto);
    const withUnit = await this.users.findOneOrFail({ where: { id: user.id }, relations: { unit: true } });
    return { accessToken: await this.issueToken(withUnit), expiresIn: this.config.jwtExpiresInSeconds, user: UserView.of(withUnit) };
  }

  /** Signing out ends every session of the user, so a copied token is worthless afterwards too. */
  async signOut(token: string | undefined): Promise<void> {
    if (!token) return;
    const actor = await this.authenticate(token).catch(() => null);
    if (!actor) return;
    await this.users.increment({ id: actor.userId }, 'tokenVersion', 1);
    await this.audit.record({ action: 'auth.logout', objectType: 'user', objectId: actor.userId, actor });
  }

  issueToken(user: User): Promise<string> {
    const payload: TokenPayload = { sub: String(user.id), tv: user.tokenVersion, role: user.role, unit: user.unitId };
    return this.jwt.signAsync(payload);
  }

  /** Verifies a token and returns who it speaks for, as the database says now. */
  async authenticate(token: string): Promise<Actor> {
    let payload: TokenPayload;
    try {
      payload = await this.jwt.verifyAsync<TokenPayload>(token);
    } catch {
      throw new UnauthenticatedError('登录已过期或令牌无效，请重新登录');
    }
    const user = await this.signedIn.get(payload.sub, () => this.users.findOne({ where: { id: Number(payload.sub) } }));
    if (!user || !user.active || user.tokenVersion !== payload.tv) {
      throw new UnauthenticatedError('登录已失效，请重新登录');
    }
    return { userId: user.id, username: user.username, displayName: user.displayName, role: user.role, unitId: user.unitId };
  }
}
