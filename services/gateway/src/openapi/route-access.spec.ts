import {
  Controller,
  type DynamicModule,
  type ForwardReference,
  Get,
  Post,
  type Type,
} from '@nestjs/common';
import { MODULE_METADATA } from '@nestjs/common/constants';
import type { Permission } from '@itsm/auth';
import { AppModule } from '../app.module';
import { Authenticated, Public, RequirePermission } from '../auth/access.decorators';
import { gatewayConfigSchema } from '../config/gateway.config';
import { accessMistakesOf, accessOf, operationIdOf, type Route, routesOf } from './route-access';

type ModuleImport = Type | DynamicModule | ForwardReference | Promise<DynamicModule>;

/** Every controller the module registers, itself or through the modules it imports. */
async function controllersOf(root: ModuleImport): Promise<Type[]> {
  const seen = new Set<unknown>();
  const controllers = new Set<Type>();
  const visit = async (imported: ModuleImport | undefined): Promise<void> => {
    const resolved = await imported;
    if (!resolved || seen.has(resolved)) return;
    seen.add(resolved);
    if ('forwardRef' in resolved) return visit(resolved.forwardRef() as ModuleImport);
    const dynamic = 'module' in resolved ? resolved : undefined;
    const module = dynamic ? dynamic.module : (resolved as Type);
    const metadata = (key: string): unknown[] =>
      (Reflect.getMetadata(key, module) as unknown[] | undefined) ?? [];
    for (const controller of [
      ...metadata(MODULE_METADATA.CONTROLLERS),
      ...(dynamic?.controllers ?? []),
    ])
      controllers.add(controller as Type);
    for (const next of [...metadata(MODULE_METADATA.IMPORTS), ...(dynamic?.imports ?? [])])
      await visit(next as ModuleImport);
  };
  await visit(root);
  return [...controllers];
}

/** A configuration the gateway would start with; only its module graph is read here. */
const config = gatewayConfigSchema.parse({
  DATABASE_URL: 'postgres://gateway@localhost:5432/gateway',
  AUTH_JWT_SECRET: 'a-secret-of-at-least-thirty-two-characters',
  KAFKA_BROKERS: 'localhost:9092',
});

describe('every route of the gateway', () => {
  // A route without a permission is closed by the guard at run time; this closes it at build
  // time, with the route's name, before anyone finds out by a 403.
  it('says who may call it: @Public(), or one @RequirePermission() libs/auth knows', async () => {
    const routes = (await controllersOf(AppModule.register(config))).flatMap(routesOf);
    const mistakes = routes.flatMap((route) =>
      accessMistakesOf(route).map((mistake) => `${operationIdOf(route)} ${mistake}`),
    );
    expect(mistakes).toEqual([]);
    expect(routes.length).toBeGreaterThan(100);
  });
});

describe('route access', () => {
  @Controller('examples')
  class ExamplesController {
    @Get('public')
    @Public()
    open(): string {
      return 'open';
    }

    @Get('read')
    @RequirePermission('tickets.read')
    read(): string {
      return 'read';
    }

    @Get('me')
    @Authenticated()
    me(): string {
      return 'me';
    }

    @Get('forgotten')
    forgotten(): string {
      return 'forgotten';
    }

    @Post('both')
    @Public()
    @RequirePermission('tickets.work')
    both(): string {
      return 'both';
    }

    @Post('unknown')
    @RequirePermission('tickets.teleport' as Permission)
    unknown(): string {
      return 'unknown';
    }

    /** Not a route: no HTTP method. */
    helper(): string {
      return 'helper';
    }
  }

  @Controller('managed')
  @RequirePermission('catalog.manage')
  class ManagedController {
    @Get()
    list(): string {
      return 'list';
    }

    @Get('browse')
    @RequirePermission('catalog.read')
    browse(): string {
      return 'browse';
    }
  }

  class InheritingController extends ManagedController {}

  const byHandler = (routes: Route[]) =>
    Object.fromEntries(routes.map((route) => [route.handler, route]));
  const examples = byHandler(routesOf(ExamplesController));

  it('finds the route handlers of a controller, and only those', () => {
    expect(Object.keys(examples).sort()).toEqual(
      ['both', 'forgotten', 'me', 'open', 'read', 'unknown'].sort(),
    );
    expect(
      routesOf(InheritingController)
        .map((route) => route.handler)
        .sort(),
    ).toEqual(['browse', 'list']);
  });

  it.each<[string, ReturnType<typeof accessOf>]>([
    ['open', { kind: 'public' }],
    ['read', { kind: 'permission', permission: 'tickets.read' }],
    ['me', { kind: 'authenticated' }],
    ['forgotten', { kind: 'closed' }],
    ['both', { kind: 'public' }],
    ['unknown', { kind: 'closed' }],
  ])('lets callers into %s as the auth guard does', (handler, access) => {
    expect(accessOf(examples[handler] as Route)).toEqual(access);
  });

  it('takes the controller’s permission unless the handler names its own', () => {
    const managed = byHandler(routesOf(ManagedController));
    expect(accessOf(managed['list'] as Route)).toEqual({
      kind: 'permission',
      permission: 'catalog.manage',
    });
    expect(accessOf(managed['browse'] as Route)).toEqual({
      kind: 'permission',
      permission: 'catalog.read',
    });
  });

  it.each<[string, string[]]>([
    ['open', []],
    ['read', []],
    ['me', []],
    ['forgotten', ['declares neither @Public() nor @RequirePermission() (nor @Authenticated())']],
    ['both', ["declares @Public() and @RequirePermission('tickets.work'); say one of them"]],
    ['unknown', ['requires tickets.teleport, which libs/auth does not know']],
  ])('finds what is wrong with %s', (handler, mistakes) => {
    expect(accessMistakesOf(examples[handler] as Route)).toEqual(mistakes);
  });

  it('names a route by the operation id Swagger gives it', () => {
    expect(operationIdOf(examples['read'] as Route)).toBe('ExamplesController_read');
  });
});
