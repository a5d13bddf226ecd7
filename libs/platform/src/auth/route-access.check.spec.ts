import { Controller, Get, Post } from '@nestjs/common';
import { TestIssuer } from '@complaints/testing';
import { ApiKeyAuth, Public, Roles } from './auth.decorators';
import { GuardedTestController, guardedTestApp } from './testing/guarded-app';

@Controller('open')
class ForgotToDeclare {
  @Get()
  @Public()
  fine() {
    return {};
  }

  @Post('change')
  change() {
    return {};
  }
}

@Controller('keyed')
@Roles('operator')
class KeyedOnly {
  @Get()
  @ApiKeyAuth({ orBearer: true })
  @Public()
  list() {
    return {};
  }
}

describe('RouteAccessCheck', () => {
  let issuer: TestIssuer;
  beforeAll(async () => (issuer = await TestIssuer.start()));
  afterAll(() => issuer.stop());
  const env = () => ({ OIDC_ISSUER: issuer.issuer });

  it('refuses to start with a route that declares no access, naming it', async () => {
    await expect(guardedTestApp({ env: env(), controllers: [ForgotToDeclare] })).rejects.toThrow(
      /ForgotToDeclare\.change \(\/open\/change\): no @Public\(\), @Authenticated\(\), @Roles\(\) or @ApiKeyAuth\(\)/,
    );
  });

  it('refuses @ApiKeyAuth without OTHER_CREDENTIALS, and orBearer on a public route', async () => {
    await expect(
      guardedTestApp({ env: env(), controllers: [GuardedTestController], otherCredentials: false }),
    ).rejects.toThrow(/GuardedTestController\.keyed .*nothing provides OTHER_CREDENTIALS/);
    await expect(guardedTestApp({ env: env(), controllers: [KeyedOnly] })).rejects.toThrow(
      /KeyedOnly\.list .*needs @Roles\(\) or @Authenticated\(\)/,
    );
  });

  it('starts when every route declares its access', async () => {
    const app = await guardedTestApp({ env: env() });
    await app.close();
  });
});
