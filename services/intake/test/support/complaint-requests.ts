let seq = 0;

/** A valid complaint request (web channel, Chinese); override any field. */
export function aComplaintRequest(
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  seq++;
  return {
    channel: 'web',
    externalReference: `WEB-${Date.now()}-${seq}`,
    customer: { name: 'Wang Fang', phone: '+86 139 1234 5678', email: 'wang.fang@example.cn' },
    policyNumber: 'PA-2026-778812',
    productLine: 'motor',
    subject: '车险理赔拖延',
    description: '我三个月前提交的车险理赔至今没有结果，客服一直说在处理。',
    desiredOutcome: '尽快赔付',
    ...overrides,
  };
}

/** A fresh caller reference. */
export function aReference(prefix = 'REF'): string {
  seq++;
  return `${prefix}-${Date.now()}-${seq}`;
}
