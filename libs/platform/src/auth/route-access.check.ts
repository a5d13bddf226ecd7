import { Injectable, OnApplicationBootstrap, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, ModuleRef, Reflector } from '@nestjs/core';
import { API_KEY_ACCESS, ApiKeyAccess, ROUTE_ACCESS, RouteAccess } from './auth.decorators';
import { OTHER_CREDENTIALS } from './other-credentials';

/** A route as its controller declares it, with who may call it. */
export interface DeclaredRoute {
  /** GET, POST, ... */
  method: string;
  /** Full path with parameters, e.g. `/v1/cases/:complaintId`. */
  path: string;
  /** `CasesController.get` */
  handler: string;
  access?: RouteAccess;
  apiKey?: ApiKeyAccess;
}

const joinPath = (...parts: unknown[]) =>
  '/' +
  parts
    .flatMap((p) => (Array.isArray(p) ? [p[0]] : [p]))
    .map((p) => String(p ?? '').replace(/^\/+|\/+$/g, ''))
    .filter(Boolean)
    .join('/');

/** Every route of the application's controllers with its access declaration. */
export function declaredRoutes(
  discovery: DiscoveryService,
  scanner: MetadataScanner,
  reflector: Reflector,
): DeclaredRoute[] {
  const routes: DeclaredRoute[] = [];
  for (const wrapper of discovery.getControllers()) {
    const type = wrapper.metatype as (new (...args: unknown[]) => object) | undefined;
    if (!type?.prototype) continue;
    const prototype = type.prototype as Record<string, unknown>;
    for (const name of scanner.getAllMethodNames(prototype)) {
      const handler = prototype[name] as (...args: unknown[]) => unknown;
      const method = Reflect.getMetadata(METHOD_METADATA, handler) as number | undefined;
      if (method === undefined) continue;
      const targets = [handler, type];
      routes.push({
        method: RequestMethod[method] ?? String(method),
        path: joinPath(
          Reflect.getMetadata(PATH_METADATA, type),
          Reflect.getMetadata(PATH_METADATA, handler),
        ),
        handler: `${type.name}.${name}`,
        access: reflector.getAllAndOverride<RouteAccess | undefined>(ROUTE_ACCESS, targets),
        apiKey: reflector.getAllAndOverride<ApiKeyAccess | undefined>(API_KEY_ACCESS, targets),
      });
    }
  }
  return routes;
}

/** One route's declaration problem, e.g. `CasesController.get (/v1/cases/:id): no access declared`. */
export function undeclaredRoutes(routes: DeclaredRoute[], hasOtherCredentials: boolean): string[] {
  const problems: string[] = [];
  for (const { access, apiKey, handler, path } of routes) {
    const where = `${handler} (${path})`;
    if (!access && !apiKey) {
      problems.push(`${where}: no @Public(), @Authenticated(), @Roles() or @ApiKeyAuth()`);
    } else if (apiKey && !hasOtherCredentials) {
      problems.push(`${where}: @ApiKeyAuth() but nothing provides OTHER_CREDENTIALS`);
    } else if (apiKey?.orBearer && (!access || access.kind === 'public')) {
      problems.push(`${where}: @ApiKeyAuth({ orBearer: true }) needs @Roles() or @Authenticated()`);
    }
  }
  return problems;
}

/**
 * Refuses to start a service with a route that declares no access: a route must say who may
 * call it, so a forgotten decorator is a start-up error rather than an open (or closed) door.
 */
@Injectable()
export class RouteAccessCheck implements OnApplicationBootstrap {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
    private readonly moduleRef: ModuleRef,
  ) {}

  /** Every route of the app with its access (the hostile-token tables walk them all). */
  routes(): DeclaredRoute[] {
    return declaredRoutes(this.discovery, this.scanner, this.reflector);
  }

  onApplicationBootstrap(): void {
    let hasOther = true;
    try {
      this.moduleRef.get(OTHER_CREDENTIALS, { strict: false });
    } catch {
      hasOther = false;
    }
    const problems = undeclaredRoutes(this.routes(), hasOther);
    if (problems.length > 0) {
      throw new Error(`Routes without a valid access declaration:\n  - ${problems.join('\n  - ')}`);
    }
  }
}
