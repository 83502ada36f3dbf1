import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { Brackets, DataSource, EntityManager, Repository } from 'typeorm';
import { Access } from '../access/access';
import type { Actor, Role } from '../access/actor';
import { belongsToOffice, needsUnit } from '../access/roles';
import { AuditService } from '../audit/audit.service';
import { diffFields } from '../audit/changes';
import { hashPassword, verifyPassword } from '../auth/password';
import { passwordWeakness, passwordWeaknessMessage } from '../auth/password-policy';
import { Page } from '../common/dto/page.dto';
import { containsPattern, LIKE_ESCAPE } from '../common/sql';
import { readPage } from '../database/list-page';
import { DomainError, NotFoundError } from '../common/errors/domain-error';
import { Unit } from '../units/unit.entity';
import { ChangeOwnPasswordDto, CreateUserDto, SetPasswordDto, UpdateUserDto, UserQueryDto, UserView } from './dto/user.dto';
import { User } from './user.entity';

const AUDITED_FIELDS = ['username', 'displayName', 'role', 'unitId', 'phone', 'email', 'active'] as const;

/** The columns a listed user shows (`UserView`): never the password hash. */
const LISTED_COLUMNS = ['id', 'username', 'displayName', 'role', 'unitId', 'phone', 'email', 'active', 'lastLoginAt', 'createdAt'] as const satisfies ReadonlyArray<keyof User>;

@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(access: Access, query: UserQueryDto): Promise<Page<UserView>> {
    const qb = this.users
      .createQueryBuilder('user')
      .select(LISTED_COLUMNS.map((column) => `user.${column}`))
      .leftJoin('user.unit', 'unit')
      .addSelect(['unit.id', 'unit.shortName']);
    if (access.unitRestriction !== null) qb.andWhere('user.unit_id = :own', { own: access.unitRestriction });
    if (query.role) qb.andWhere('user.role = :role', { role: query.role });
    if (query.unitId) qb.andWhere('user.unit_id = :unitId', { unitId: query.unitId });
    if (query.q) {
      const pattern = containsPattern(query.q);
      qb.andWhere(new Brackets((w) => w.where(`user.username LIKE :pattern ${LIKE_ESCAPE}`, { pattern }).orWhere(`user.display_name LIKE :pattern ${LIKE_ESCAPE}`, { pattern })));
    }
    const page = await readPage(qb, query, [{ column: 'user.id', direction: 'ASC', of: (u) => u.id }]);
    return { ...page, items: page.items.map(UserView.of) };
  }

  async get(access: Access, id: number): Promise<UserView> {
    return UserView.of(await this.load(access, id));
  }

  /** The signed-in person's own record. */
  async me(actor: Actor): Promise<UserView> {
    const user = await this.users.findOneOrFail({ where: { id: actor.userId }, relations: { unit: true } });
    return UserView.of(user);
  }

  /** Every login name taken, for checking a sheet of new accounts. */
  async usernames(): Promise<string[]> {
    return (await this.dataSource.getRepository(User).find({ select: { username: true } })).map((u) => u.username);
  }

  async create(access: Access, dto: CreateUserDto): Promise<UserView> {
    assertPasswordAcceptable(dto.password, dto.username, 'password', '初始密码');
    const { password, ...account } = dto;
    const [created] = await this.createMany(access, [{ account, passwordHash: await hashPassword(password) }]);
    return created;
  }

  /** Several accounts, their passwords already checked and hashed, in one transaction: all of them, or none. */
  async createMany(access: Access, accounts: Array<{ account: Omit<CreateUserDto, 'password'>; passwordHash: string }>): Promise<UserView[]> {
    return this.dataSource.transaction(async (manager) => {
      const created: UserView[] = [];
      for (const { account: dto, passwordHash } of accounts) {
        if (await manager.exists(User, { where: { username: dto.username } })) {
          throw new DomainError('USERNAME_TAKEN', `登录名“${dto.username}”已被使用，请换一个`);
        }
        const unitId = dto.unitId ?? null;
        await this.assertUnitFits(manager, dto.role, unitId);
        const user = manager.create(User, {
          username: dto.username,
          displayName: dto.displayName,
          role: dto.role,
          unitId,
          phone: dto.phone || null,
          email: dto.email || null,
          active: dto.active ?? true,
          passwordHash,
        });
        await manager.save(user);
        await this.audit.record({ action: 'user.create', objectType: 'user', objectId: user.id, changes: diffFields(null, user, AUDITED_FIELDS) }, manager);
        created.push(UserView.of(await manager.findOneOrFail(User, { where: { id: user.id }, relations: { unit: true } })));
      }
      return created;
    });
  }

  async update(access: Access, id: number, dto: UpdateUserDto): Promise<UserView> {
    return this.dataSource.transaction(async (manager) => {
      const user = await this.load(access, id, manager);
      const before = { ...user };
      if (dto.displayName !== undefined) user.displayName = dto.displayName;
      if (dto.role !== undefined) user.role = dto.role;
      if (dto.unitId !== undefined) user.unitId = dto.unitId ?? null;
      if (dto.phone !== undefined) user.phone = dto.phone || null;
      if (dto.email !== undefined) user.email = dto.email || null;
      if (dto.active !== undefined) user.active = dto.active;
      if (user.id === access.actor.userId && (user.role !== before.role || !user.active || user.unitId !== before.unitId)) {
        throw new DomainError('SELF_LOCKOUT', '不能停用自己的账号，也不能修改自己的角色或单位；请由其他协调办人员操作');
      }
      if (user.role !== before.role || user.unitId !== before.unitId) await this.assertUnitFits(manager, user.role, user.unitId);
      const changes = diffFields(before, user, AUDITED_FIELDS);
      if (!changes) return UserView.of(user);
      // A deactivated account or a new role must not keep working through tokens issued earlier.
      if (changes.active || changes.role || changes.unitId) user.tokenVersion += 1;
      user.unit = undefined;
      await manager.save(user);
      await this.audit.record({ action: 'user.update', objectType: 'user', objectId: user.id, changes }, manager);
      return UserView.of(await manager.findOneOrFail(User, { where: { id }, relations: { unit: true } }));
    });
  }

  /** The office sets a new password for someone who lost theirs; their sessions end. */
  async resetPassword(access: Access, id: number, dto: SetPasswordDto): Promise<void> {
    // Checked and hashed before the transaction, which then stays short.
    assertPasswordAcceptable(dto.newPassword, (await this.load(access, id)).username, 'newPassword', '新密码');
    const passwordHash = await hashPassword(dto.newPassword);
    await this.dataSource.transaction(async (manager) => {
      const user = await this.load(access, id, manager);
      await manager.update(User, { id: user.id }, { passwordHash, tokenVersion: user.tokenVersion + 1 });
      await this.audit.record({ action: 'user.password_reset', objectType: 'user', objectId: user.id }, manager);
    });
  }

  /** Changes the actor's own password after checking the current one; other sessions end. */
  async changeOwnPassword(actor: Actor, dto: ChangeOwnPasswordDto): Promise<User> {
    const user = await this.users.findOneByOrFail({ id: actor.userId });
    if (!(await verifyPassword(user.passwordHash, dto.currentPassword))) {
      throw new DomainError('WRONG_PASSWORD', '当前密码不正确');
    }
    if (dto.newPassword === dto.currentPassword) {
      throw new DomainError('VALIDATION_FAILED', '新密码不能与当前密码相同', [{ field: 'newPassword', message: '不能与当前密码相同' }]);
    }
    assertPasswordAcceptable(dto.newPassword, user.username, 'newPassword', '新密码');
    user.passwordHash = await hashPassword(dto.newPassword);
    user.tokenVersion += 1;
    await this.dataSource.transaction(async (manager) => {
      await manager.update(User, { id: user.id }, { passwordHash: user.passwordHash, tokenVersion: user.tokenVersion });
      await this.audit.record({ action: 'user.password_change', objectType: 'user', objectId: user.id }, manager);
    });
    return user;
  }

  private async load(access: Access, id: number, manager: EntityManager = this.users.manager): Promise<User> {
    const user = await manager.findOne(User, { where: { id }, relations: { unit: true } });
    if (!user) throw new NotFoundError('用户');
    access.assertReaches('user', id, [user.unitId]);
    return user;
  }

  private async assertUnitFits(manager: EntityManager, role: Role, unitId: number | null): Promise<void> {
    if (unitId === null) {
      if (needsUnit(role)) {
        throw new DomainError('VALIDATION_FAILED', '协调办和成员单位账号必须指定所属单位', [{ field: 'unitId', message: '必须指定所属单位' }]);
      }
      return;
    }
    const unit = await manager.findOne(Unit, { where: { id: unitId } });
    if (!unit || !unit.active) {
      throw new DomainError('VALIDATION_FAILED', `所属单位（ID ${unitId}）不存在或已停用`, [{ field: 'unitId', message: '单位不存在或已停用' }]);
    }
    if (belongsToOffice(role) && unit.kind !== 'office') {
      throw new DomainError('VALIDATION_FAILED', '协调办账号只能属于协调办公室', [{ field: 'unitId', message: '应为协调办公室' }]);
    }
  }
}

/** Refuses a password the policy finds weak for this user, naming the form field. */
function assertPasswordAcceptable(password: string, username: string, field: string, label: string): void {
  const weakness = passwordWeakness(password, username);
  if (!weakness) return;
  const message = passwordWeaknessMessage(weakness);
  throw new DomainError('VALIDATION_FAILED', `${label}${message}`, [{ field, message }]);
}
