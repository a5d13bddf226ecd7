import { cachedTokens, IssuedToken } from './people-tokens';

describe('cachedTokens', () => {
  let now = 0;
  let issued: string[];
  const issuer = (expiresIn = 900) => {
    issued = [];
    return cachedTokens(
      async (username): Promise<IssuedToken> => {
        issued.push(username);
        return { access_token: `${username}-${issued.length}`, expires_in: expiresIn };
      },
      () => now,
    );
  };

  beforeEach(() => {
    now = 1_000_000;
  });

  it('signs each person in once and reuses the token until shortly before it expires', async () => {
    const tokens = issuer(900);
    expect(await tokens('h-claims-01')).toBe('h-claims-01-1');
    now += 800_000;
    expect(await tokens('h-claims-01')).toBe('h-claims-01-1');
    now += 60_000;
    expect(await tokens('h-claims-01')).toBe('h-claims-01-2');
    expect(issued).toEqual(['h-claims-01', 'h-claims-01']);
  });

  it('keeps people apart and shares one sign-in between concurrent asks', async () => {
    const tokens = issuer();
    const [a, b, c] = await Promise.all([tokens('officer'), tokens('officer'), tokens('analyst')]);
    expect([a, b]).toEqual(['officer-1', 'officer-1']);
    expect(c).toBe('analyst-2');
    expect(issued).toEqual(['officer', 'analyst']);
  });

  it('does not keep a failed sign-in: the next ask tries again', async () => {
    let fail = true;
    const tokens = cachedTokens(async () => {
      if (fail) throw new Error('token endpoint refused');
      return { access_token: 't', expires_in: 900 };
    });
    await expect(tokens('officer')).rejects.toThrow('token endpoint refused');
    fail = false;
    expect(await tokens('officer')).toBe('t');
  });
});
