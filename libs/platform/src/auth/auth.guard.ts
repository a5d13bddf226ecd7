import { CanActivate, ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { ModuleRef, Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { setActor } from './actor';
import {
  AuthErrors,
  InvalidTokenError,
  ISSUER_RETRY_AFTER_SECONDS,
  IssuerUnavailableError,
} from './auth.errors';
import { API_KEY_ACCESS, ApiKeyAccess, ROUTE_ACCESS, RouteAccess } from './auth.decorators';
import { OTHER_CREDENTIALS, OtherCredentials } from './other-credentials';
import { TokenVerifier } from './token-verifier';

/** RFC 6750 b64token after the scheme, nothing else. */
const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i;
const CHALLENGE = 'Bearer realm="complaints"';

/**
 * The global guard (APP_GUARD) of people's access: every route declares who may call it
 * (@Public, @Authenticated, @Roles, @ApiKeyAuth); the guard verifies the bearer token, puts
 * the actor on the request and checks the roles. 401 (with a Bearer challenge) without a
 * valid token, 403 without a role, 503 when the issuer cannot be reached; never a 500 for
 * anything a client sends, and the token is never logged.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly logger = new Logger('AuthGuard');
  private other?: OtherCredentials | null;

  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
    private readonly moduleRef: ModuleRef,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    const access = this.reflector.getAllAndOverride<RouteAccess | undefined>(ROUTE_ACCESS, targets);
    const apiKey = this.reflector.getAllAndOverride<ApiKeyAccess | undefined>(
      API_KEY_ACCESS,
      targets,
    );
    if (access?.kind === 'public') return true;
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();

    if (apiKey) {
      if (this.otherCredentials()?.isAuthenticated(request)) return true;
      if (!apiKey.orBearer || !access) {
        reply.header('www-authenticate', CHALLENGE);
        throw AuthErrors.credentialsMissing();
      }
    }
    // Fail closed: a route nobody declared access for is open to no one.
    if (!access) throw AuthErrors.noAccessDeclared();

    const actor = await this.authenticate(request, reply);
    setActor(request, actor);
    if (access.kind === 'roles' && !access.roles.some((r) => actor.roles.includes(r))) {
      throw AuthErrors.roleMissing(access.roles);
    }
    return true;
  }

  private async authenticate(request: FastifyRequest, reply: FastifyReply) {
    const header = request.headers.authorization;
    if (typeof header !== 'string' || !/^Bearer(\s|$)/i.test(header)) {
      reply.header('www-authenticate', CHALLENGE);
      throw AuthErrors.tokenMissing();
    }
    const token = BEARER.exec(header)?.[1];
    try {
      if (!token) throw new InvalidTokenError('malformed');
      return await this.verifier.verify(token);
    } catch (err) {
      if (err instanceof IssuerUnavailableError) {
        this.logger.warn({ issuer: this.verifier.issuer, reason: err.message }, 'token unchecked');
        reply.header('retry-after', String(ISSUER_RETRY_AFTER_SECONDS));
        throw AuthErrors.issuerUnavailable();
      }
      const fault = err instanceof InvalidTokenError ? err.fault : 'malformed';
      reply.header(
        'www-authenticate',
        `${CHALLENGE}, error="invalid_token", error_description="${fault}"`,
      );
      throw AuthErrors.tokenInvalid(fault);
    }
  }

  /** Looked up once, anywhere in the app: intake provides it in its own module. */
  private otherCredentials(): OtherCredentials | undefined {
    if (this.other === undefined) {
      try {
        this.other = this.moduleRef.get<OtherCredentials>(OTHER_CREDENTIALS, { strict: false });
      } catch {
        this.other = null;
      }
    }
    return this.other ?? undefined;
  }
}
