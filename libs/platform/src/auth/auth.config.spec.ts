import { IsInt } from 'class-validator';
import { ConfigError, loadConfig } from '../config/load-config';
import { ServiceConfig } from '../config/service.config';
import { AuthConfig, WithAuthConfig } from './auth.config';

class CasesConfig extends WithAuthConfig(ServiceConfig) {
  @IsInt()
  OWN_SETTING: number = 7;
}

describe('WithAuthConfig', () => {
  it('mixes the OIDC settings into a service config, with local defaults', () => {
    const config = loadConfig(CasesConfig, { PORT: '3003' });
    expect(config).toMatchObject({
      PORT: 3003,
      OWN_SETTING: 7,
      OIDC_ISSUER: 'http://127.0.0.1:18080/realms/complaints',
      OIDC_AUDIENCE: 'complaints-api',
      OIDC_ALGORITHMS: ['RS256', 'ES256'],
      OIDC_ROLES_CLAIM: ['realm_access.roles'],
      OIDC_DEPARTMENT_CLAIM: 'department',
      OIDC_CLOCK_TOLERANCE_SECONDS: 30,
    });
    expect(config.OIDC_JWKS_URI).toBeUndefined();
  });

  it('reads comma lists and an issuer reached by a container name', () => {
    const config = loadConfig(AuthConfig, {
      OIDC_ISSUER: 'https://login.insurer.example/realms/staff',
      OIDC_JWKS_URI: 'http://keycloak:8080/realms/complaints/protocol/openid-connect/certs',
      OIDC_ALGORITHMS: 'PS256, ES384',
      OIDC_ROLES_CLAIM: 'realm_access.roles,resource_access.complaints-api.roles',
    });
    expect(config.OIDC_ALGORITHMS).toEqual(['PS256', 'ES384']);
    expect(config.OIDC_ROLES_CLAIM).toEqual([
      'realm_access.roles',
      'resource_access.complaints-api.roles',
    ]);
  });

  it.each([
    [{ OIDC_ALGORITHMS: 'RS256,HS256' }, /OIDC_ALGORITHMS may hold only/],
    [{ OIDC_ALGORITHMS: 'none' }, /OIDC_ALGORITHMS may hold only/],
    [{ OIDC_ISSUER: 'ftp://idp.example' }, /OIDC_ISSUER must be an http\(s\) URL/],
    [{ OIDC_JWKS_URI: 'certs' }, /OIDC_JWKS_URI must be an http\(s\) URL/],
    [{ OIDC_CLOCK_TOLERANCE_SECONDS: '3600' }, /OIDC_CLOCK_TOLERANCE_SECONDS/],
    [{ OIDC_AUDIENCE: '' }, /OIDC_AUDIENCE/],
  ])('refuses %j', (env, message) => {
    expect(() => loadConfig(AuthConfig, env)).toThrow(ConfigError);
    expect(() => loadConfig(AuthConfig, env)).toThrow(message);
  });
});
