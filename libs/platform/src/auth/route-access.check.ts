import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, ModuleRef, Reflector } from '@nestjs/core';
import { API_KEY_ACCESS, ApiKeyAccess, ROUTE_ACCESS, RouteAccess } from './auth.decorators';
import { OTHER_CREDENTIALS } from './other-credentials';

/** One route's declaration problem, e.g. `GET cases/:id (CasesController.get): no access declared`. */
export function undeclaredRoutes(
  discovery: DiscoveryService,
  scanner: MetadataScanner,
  reflector: Reflector,
  hasOtherCredentials: boolean,
): string[] {
  const problems: string[] = [];
  for (const wrapper of discovery.getControllers()) {
    const type = wrapper.metatype as (new (...args: unknown[]) => object) | undefined;
    if (!type?.prototype) continue;
    const prototype = type.prototype as Record<string, unknown>;
    for (const name of scanner.getAllMethodNames(prototype)) {
      const handler = prototype[name] as (...args: unknown[]) => unknown;
      const method = Reflect.getMetadata(METHOD_METADATA, handler) as number | undefined;
      if (method === undefined) continue;
      const targets = [handler, type];
      const access = reflector.getAllAndOverride<RouteAccess | undefined>(ROUTE_ACCESS, targets);
      const apiKey = reflector.getAllAndOverride<ApiKeyAccess | undefined>(API_KEY_ACCESS, targets);
      const where = `${type.name}.${name} (${String(Reflect.getMetadata(PATH_METADATA, handler) ?? '')})`;
      if (!access && !apiKey) {
        problems.push(`${where}: no @Public(), @Authenticated(), @Roles() or @ApiKeyAuth()`);
      } else if (apiKey && !hasOtherCredentials) {
        problems.push(`${where}: @ApiKeyAuth() but nothing provides OTHER_CREDENTIALS`);
      } else if (apiKey?.orBearer && (!access || access.kind === 'public')) {
        problems.push(
          `${where}: @ApiKeyAuth({ orBearer: true }) needs @Roles() or @Authenticated()`,
        );
      }
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

  onApplicationBootstrap(): void {
    let hasOther = true;
    try {
      this.moduleRef.get(OTHER_CREDENTIALS, { strict: false });
    } catch {
      hasOther = false;
    }
    const problems = undeclaredRoutes(this.discovery, this.scanner, this.reflector, hasOther);
    if (problems.length > 0) {
      throw new Error(`Routes without a valid access declaration:\n  - ${problems.join('\n  - ')}`);
    }
  }
}
