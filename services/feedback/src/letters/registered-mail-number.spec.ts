import { registeredNumberProblem } from './registered-mail-number';

describe('registered-mail numbers (UPU S10)', () => {
  it('takes numbers whose check digit matches', () => {
    // 47312482: 8x4+6x7+4x3+2x1+3x2+5x4+9x8+7x2 = 200; 11 - 200 % 11 = 9
    expect(registeredNumberProblem('RR473124829CN')).toBeUndefined();
    // 12345678: sum 8+12+12+8+15+30+63+56 = 204; 11 - 204 % 11 = 5
    expect(registeredNumberProblem('EA123456785CN')).toBeUndefined();
  });

  it('refuses a wrong check digit, a wrong shape or lower case, saying why', () => {
    expect(registeredNumberProblem('EA123456784CN')).toContain('check digit');
    expect(registeredNumberProblem('EA12345678CN')).toContain('nine digits');
    expect(registeredNumberProblem('ea123456785cn')).toContain('two letters');
    expect(registeredNumberProblem('')).toBeDefined();
  });
});
