import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Principal, Role } from '@paritrana/contracts';
import { DomainError } from '../errors/domain-error';
import { ALLOWED_ROLES, IS_PUBLIC } from './auth.decorators';
import { verifyToken } from './jwt';

export const AUTH_SECRET = Symbol('AUTH_SECRET');

@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(AUTH_SECRET) private readonly secret: string,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined>; principal?: Principal }>();
    const header = request.headers.authorization ?? '';
    const [scheme, token] = header.split(' ');
    if (scheme !== 'Bearer' || !token) {
      throw new DomainError(
        'AUTH_REQUIRED',
        'Send a bearer token: Authorization: Bearer <JWT> (npm run -s token -- --role ROLE)',
        'unauthenticated',
      );
    }
    const principal = verifyToken(this.secret, token);
    if (!principal) throw new DomainError('AUTH_INVALID', 'The bearer token is invalid or expired; request a new one', 'unauthenticated');
    request.principal = principal;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ALLOWED_ROLES, targets);
    if (roles && !roles.includes(principal.role)) {
      throw DomainError.forbidden('ROLE_NOT_ALLOWED', `Role ${principal.role} may not do this; allowed: ${roles.join(', ')}`);
    }
    return true;
  }
}
