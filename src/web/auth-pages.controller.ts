import { Body, Controller, Get, Inject, Post, Query, Render, Req, Res, UseGuards, UseInterceptors } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { Access } from '../access/access';
import { CurrentAccess, Public, RequirePermission } from '../access/access.decorators';
import { Permission } from '../access/permissions';
import { TOKEN_COOKIE } from '../auth/auth.constants';
import { tokenOf } from '../auth/auth.guard';
import { AuthService } from '../auth/auth.service';
import { LoginDto } from '../auth/dto/login.dto';
import { DomainError } from '../common/errors/domain-error';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { ChangeOwnPasswordDto } from '../users/dto/user.dto';
import { FormBody, formValue, pageStep, parseForm } from './forms';
import { PageContextInterceptor } from './page-context.interceptor';
import { baseCookieOptions, rotateBrowserSession } from './page-session';

/** Only same-site paths may be a redirect target after sign-in. */
function safeNext(next: string | undefined): string {
  return next && /^\/(?![/\\])/.test(next) && !next.startsWith('/login') ? next : '/';
}

@ApiExcludeController()
@Controller()
@UseInterceptors(PageContextInterceptor)
export class AuthPagesController {
  constructor(
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('login')
  @Public()
  @Render('login')
  loginForm(@Query('next') next?: string, @Query('expired') expired?: string) {
    // Sent here by a form submitted after signing out: say why, and return to that form afterwards.
    const errors = expired ? [{ field: '', message: '登录已失效（已在其他窗口退出或超时），请重新登录；登录后回到刚才的页面再提交一次。' }] : [];
    return { title: '登录', layout: 'bare', next: safeNext(next), username: '', errors };
  }

  @Post('login')
  @Public()
  @UseGuards(ThrottlerGuard)
  async login(@Body() body: FormBody, @Res() res: Response): Promise<void> {
    const model = { title: '登录', layout: 'bare', next: safeNext(formValue(body.next)), username: formValue(body.username) ?? '' };
    const form = parseForm(LoginDto, { username: model.username, password: formValue(body.password) ?? '' });
    if (!form.ok) return res.status(400).render('login', { ...model, errors: [{ field: '', message: '请输入用户名和密码' }] });
    try {
      const { accessToken, expiresIn } = await this.auth.login(form.value.username, form.value.password);
      rotateBrowserSession(res, this.config.cookieSecure);
      res.cookie(TOKEN_COOKIE, accessToken, { ...baseCookieOptions(res, this.config.cookieSecure), maxAge: expiresIn * 1000 });
      res.redirect(303, model.next);
    } catch (error) {
      if (!(error instanceof DomainError) || error.code !== 'INVALID_CREDENTIALS') throw error;
      res.status(401).render('login', { ...model, errors: [{ field: '', message: error.message }] });
    }
  }

  @Post('logout')
  @Public()
  async logout(@Req() req: Request, @Res() res: Response): Promise<void> {
    await this.auth.signOut(tokenOf(req));
    res.clearCookie(TOKEN_COOKIE, baseCookieOptions(res, this.config.cookieSecure));
    rotateBrowserSession(res, this.config.cookieSecure);
    res.redirect(303, '/login');
  }

  @Get('account/password')
  @RequirePermission(Permission.OwnAccount)
  @Render('account/password')
  passwordForm() {
    return { title: '修改密码', errors: [] };
  }

  @Post('account/password')
  @RequirePermission(Permission.OwnAccount)
  changePassword(@CurrentAccess() access: Access, @Body() body: FormBody, @Req() req: Request, @Res() res: Response): Promise<void> {
    return pageStep(req, res, {
      dto: ChangeOwnPasswordDto,
      values: { currentPassword: formValue(body.currentPassword) ?? '', newPassword: formValue(body.newPassword) ?? '' },
      run: async (dto) => {
        if (dto.newPassword !== formValue(body.confirmPassword)) throw new DomainError('VALIDATION_FAILED', '两次输入的新密码不一致', [{ field: 'confirmPassword', message: '两次输入的新密码不一致' }]);
        const { accessToken, expiresIn } = await this.auth.changeOwnPassword(access.actor, dto);
        res.cookie(TOKEN_COOKIE, accessToken, { ...baseCookieOptions(res, this.config.cookieSecure), maxAge: expiresIn * 1000 });
      },
      done: '/account/password',
      flash: '密码已修改。其他设备上的登录已失效。',
      rerender: async () => ({ view: 'account/password', model: { title: '修改密码' } }),
    });
  }
}
