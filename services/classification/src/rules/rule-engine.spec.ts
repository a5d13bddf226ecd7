import { DEPARTMENT_ROUTES_V1, RULES_V1 } from '../migrations/seed/rulebook-v1.seed';
import { RuleEngine } from './rule-engine';
import type { ClassifyInput, RuleDefinition, Verdict } from './rule.types';
import { RulebookError } from './rulebook.error';

const engine = new RuleEngine(RULES_V1, DEPARTMENT_ROUTES_V1);

function complaint(
  subject: string,
  description: string,
  extra: Partial<ClassifyInput> = {},
): ClassifyInput {
  return { subject, description, ...extra };
}

function classify(input: ClassifyInput): Verdict & { ids: string[] } {
  const verdict = engine.classify(input);
  return { ...verdict, ids: verdict.matchedRules.map((r) => r.id) };
}

type Expected = Partial<
  Pick<
    Verdict,
    'category' | 'subcategory' | 'department' | 'severity' | 'priority' | 'greenChannel'
  >
>;

describe('rule engine with rulebook v1', () => {
  describe('the four classes, in Chinese and English', () => {
    const cases: [string, ClassifyInput, Expected][] = [
      // business handling: claims
      [
        'zh claim delayed',
        complaint('车险理赔拖延', '我三个月前提交的车险理赔至今没有结果，客服一直说在处理。', {
          productLine: 'motor',
        }),
        { category: 'business_handling', subcategory: 'claims', department: 'claims' },
      ],
      [
        'zh claim refused',
        complaint('拒赔', '保险公司以既往症为由拒绝赔付我的医疗费用。', { productLine: 'health' }),
        { category: 'business_handling', subcategory: 'claims', department: 'claims' },
      ],
      [
        'en claim rejected',
        complaint(
          'Claim denied',
          'My claim for the water damage was rejected without any reason.',
          { productLine: 'property' },
        ),
        { category: 'business_handling', subcategory: 'claims', department: 'claims' },
      ],
      // business handling: surrender
      [
        'zh surrender value',
        complaint('退保退费太少', '我要求退保，但退还的现金价值比当初说的少很多。', {
          productLine: 'life',
        }),
        { category: 'business_handling', subcategory: 'surrender', department: 'policy-services' },
      ],
      [
        'en cancellation in cooling-off',
        complaint(
          'Cancel my policy',
          'I asked to cancel my policy during the cooling-off period and still have no refund of premium.',
        ),
        { category: 'business_handling', subcategory: 'surrender', department: 'policy-services' },
      ],
      // business handling: underwriting
      [
        'zh renewal premium',
        complaint('续保保费上涨', '今年续保保费上涨了50%，核保也没有给出理由。', {
          productLine: 'motor',
        }),
        {
          category: 'business_handling',
          subcategory: 'underwriting',
          department: 'policy-services',
        },
      ],
      [
        'en premium at renewal',
        complaint(
          'Premium increase',
          'My premium doubled at renewal and underwriting refused to explain the rating.',
        ),
        {
          category: 'business_handling',
          subcategory: 'underwriting',
          department: 'policy-services',
        },
      ],
      // staff service
      [
        'zh rude call-centre staff',
        complaint('客服态度恶劣', '客服人员在电话里骂我，还直接挂了电话。'),
        {
          category: 'staff_service',
          subcategory: 'attitude',
          department: 'customer-service-quality',
        },
      ],
      [
        'en rude agent',
        complaint('Rude agent', 'The agent was rude and hung up on me twice.'),
        {
          category: 'staff_service',
          subcategory: 'attitude',
          department: 'customer-service-quality',
        },
      ],
      [
        'zh slow counter service',
        complaint('办事效率低', '柜面办理变更手续排队两个小时，工作人员效率太低。'),
        {
          category: 'staff_service',
          subcategory: 'efficiency',
          department: 'customer-service-quality',
        },
      ],
      [
        'en waited on hold',
        complaint('Slow service', 'I waited on hold for an hour and nobody returned my call.'),
        {
          category: 'staff_service',
          subcategory: 'efficiency',
          department: 'customer-service-quality',
        },
      ],
      [
        'zh unprofessional salesperson',
        complaint('业务员不专业', '业务员不专业，给了我错误的建议，导致我买错了保险。'),
        {
          category: 'staff_service',
          subcategory: 'expertise',
          department: 'customer-service-quality',
        },
      ],
      [
        'en wrong advice',
        complaint(
          'Wrong advice',
          'The adviser gave me wrong advice about my options and was unprofessional.',
        ),
        {
          category: 'staff_service',
          subcategory: 'expertise',
          department: 'customer-service-quality',
        },
      ],
      // product and service
      [
        'zh policy terms hard to read',
        complaint('条款说明不清楚', '保险条款写得太复杂，很多专业术语看不懂，希望公司改进。'),
        {
          category: 'product_service',
          subcategory: 'policy_terms',
          department: 'product-management',
        },
      ],
      [
        'en mis-selling',
        complaint(
          'Mis-sold policy',
          'The bank mis-sold me this policy as a savings account and I was misled about the returns.',
        ),
        {
          category: 'product_service',
          subcategory: 'policy_terms',
          department: 'product-management',
        },
      ],
      [
        'en exclusions not explained',
        complaint('Exclusions', 'Nobody explained the exclusions in the policy wording to me.'),
        {
          category: 'product_service',
          subcategory: 'policy_terms',
          department: 'product-management',
        },
      ],
      [
        'zh dividends lower than illustrated',
        complaint('分红太低', '这款产品的分红远低于演示水平，收益率只有1%。', {
          productLine: 'life',
        }),
        {
          category: 'product_service',
          subcategory: 'product_features',
          department: 'product-management',
        },
      ],
      [
        'en coverage too narrow',
        complaint(
          'Coverage too narrow',
          'The coverage of this travel product leaves out lost baggage, a poor product design.',
        ),
        {
          category: 'product_service',
          subcategory: 'product_features',
          department: 'product-management',
        },
      ],
      [
        'zh cumbersome procedure',
        complaint('手续繁琐', '变更受益人需要提交的材料太多，流程繁琐。'),
        {
          category: 'product_service',
          subcategory: 'service_process',
          department: 'product-management',
        },
      ],
      // technical
      [
        'zh app crashes and login fails',
        complaint('APP闪退', '手机APP一打开就闪退，无法登录查看保单。'),
        { category: 'technical', subcategory: 'system_stability', department: 'it-operations' },
      ],
      [
        'en portal down',
        complaint(
          'Cannot log in',
          'I cannot log in to the customer portal; the website is down every evening.',
        ),
        { category: 'technical', subcategory: 'system_stability', department: 'it-operations' },
      ],
      [
        'zh personal data leaked',
        complaint('个人信息泄露', '我在贵公司投保后，个人信息被泄露，每天接到骚扰电话。'),
        {
          category: 'technical',
          subcategory: 'information_security',
          department: 'information-security',
        },
      ],
      [
        'en account hacked',
        complaint('Data breach', 'My personal data was leaked and my online account was hacked.'),
        {
          category: 'technical',
          subcategory: 'information_security',
          department: 'information-security',
        },
      ],
      [
        'en spam calls',
        complaint(
          'Spam calls',
          'Since buying the policy I get marketing calls every day. Who sold my number?',
        ),
        {
          category: 'technical',
          subcategory: 'information_security',
          department: 'information-security',
        },
      ],
    ];

    it.each(cases)('%s', (_name, input, expected) => {
      expect(classify(input)).toMatchObject(expected);
    });
  });

  describe('words that only look like another class', () => {
    it.each<[string, ClassifyInput, Expected]>([
      [
        'a stolen car is a claim, not a security breach',
        complaint('车辆被盗', '车辆被盗后报案，理赔一直没有结果。'),
        { category: 'business_handling' },
      ],
      [
        'a car crash is a claim, not an app crash',
        complaint('Car crash', 'After the car crash my claim was never paid.'),
        { category: 'business_handling' },
      ],
      [
        'a water leak is a claim, not a data leak',
        complaint('Water leak', 'A water leak damaged my kitchen and the claim is still open.'),
        { category: 'business_handling' },
      ],
      [
        'feeling overwhelmed is not a system failure',
        complaint('理赔', '理赔材料交了五次，我快崩溃了。'),
        { category: 'business_handling' },
      ],
    ])('%s', (_name, input, expected) => {
      const verdict = classify(input);
      expect(verdict).toMatchObject(expected);
      expect(verdict.severity).toBe('medium');
    });

    it('does not read a product called 百万医疗 as a very high amount', () => {
      expect(classify(complaint('百万医疗险理赔', '百万医疗险报销被拒。')).ids).not.toContain(
        'R-ESC-AMOUNT',
      );
    });
  });

  describe('no rule recognises the complaint', () => {
    it.each([
      complaint('Feedback', 'I would like to share my experience with you.'),
      complaint('意见', '希望你们做得更好。'),
    ])('falls back to product_service/service_process with low confidence: %j', (input) => {
      expect(classify(input)).toEqual({
        category: 'product_service',
        subcategory: 'service_process',
        severity: 'low',
        priority: 'P4',
        greenChannel: false,
        department: 'product-management',
        confidence: 'low',
        matchedRules: [],
        ids: [],
      });
    });
  });

  describe('severity and priority', () => {
    it('gives an ordinary recognised complaint medium severity and P3', () => {
      const verdict = classify(complaint('Claim denied', 'My claim was declined.'));
      expect(verdict).toMatchObject({ severity: 'medium', priority: 'P3', greenChannel: false });
    });

    it('puts a regulator referral on the green channel at P1 whatever it says', () => {
      const verdict = classify(
        complaint('转办投诉', '客户反映理赔进度问题。', { channel: 'regulator_referral' }),
      );
      expect(verdict).toMatchObject({
        category: 'business_handling',
        severity: 'high',
        priority: 'P1',
        greenChannel: true,
      });
      expect(verdict.ids).toContain('R-ESC-REGULATOR-REFERRAL');
    });

    it.each<[string, ClassifyInput, string[]]>([
      [
        'zh regulator and media',
        complaint('投诉到银保监', '理赔迟迟不到账，我已经投诉到银保监会，还要找媒体曝光。'),
        ['R-ESC-REGULATOR', 'R-ESC-MEDIA'],
      ],
      [
        'en lawyer',
        complaint('Claim refused', 'My claim was refused. My lawyer will sue you.'),
        ['R-ESC-LEGAL'],
      ],
      [
        'en ombudsman',
        complaint('Complaint', 'I will take my surrender dispute to the Financial Ombudsman.'),
        ['R-ESC-REGULATOR'],
      ],
      ['zh lawsuit', complaint('起诉', '如果不退保，我将向法院起诉。'), ['R-ESC-LEGAL']],
      ['zh amount in 万', complaint('理赔金额大', '理赔金额120万元至今未赔付。'), ['R-ESC-AMOUNT']],
      [
        'en amount with separators',
        complaint('Unpaid claim', 'My claim of $1,500,000 is unpaid.'),
        ['R-ESC-AMOUNT'],
      ],
      [
        'full-width yuan sign',
        complaint('未赔付', '损失￥２,５００,０００，理赔未赔付。'),
        ['R-ESC-AMOUNT'],
      ],
      [
        'en millions',
        complaint(
          'Unpaid claim',
          'A fire destroyed my factory: 2.5 million yuan lost and the claim is unpaid.',
        ),
        ['R-ESC-AMOUNT'],
      ],
    ])('raises %s to high and P1', (_name, input, ids) => {
      const verdict = classify(input);
      expect(verdict).toMatchObject({ severity: 'high', priority: 'P1', greenChannel: false });
      expect(verdict.ids).toEqual(expect.arrayContaining(ids));
    });

    it('leaves ordinary amounts alone', () => {
      const verdict = classify(complaint('理赔少赔', '定损3万元，实际只赔付了2.5万元，¥25,000。'));
      expect(verdict.ids).not.toContain('R-ESC-AMOUNT');
      expect(verdict.severity).toBe('medium');
    });

    it.each([
      complaint('群体投诉', '我们小区32户业主的房屋保险理赔都被拒赔。', {
        productLine: 'property',
      }),
      complaint('Group complaint', 'We are 25 policyholders whose flood claims were all denied.'),
    ])('treats 20 or more complainants as critical, P1 and fast-tracked: %j', (input) => {
      const verdict = classify(input);
      expect(verdict).toMatchObject({
        category: 'business_handling',
        severity: 'critical',
        priority: 'P1',
        greenChannel: true,
      });
      expect(verdict.ids).toContain('R-ESC-MASS');
    });

    it('does not count days or money as complainants', () => {
      const verdict = classify(complaint('理赔慢', '理赔拖了20天，损失50人民币。'));
      expect(verdict.ids).not.toContain('R-ESC-MASS');
    });

    it('makes a data breach critical, P1, and fast-tracked', () => {
      expect(classify(complaint('Data breach', 'My personal data was leaked.'))).toMatchObject({
        severity: 'critical',
        priority: 'P1',
        greenChannel: true,
      });
    });

    it('makes a privacy complaint without a breach high and P2', () => {
      expect(
        classify(complaint('骚扰电话', '投保后每天接到推销电话，我的个人信息被谁拿走了？')),
      ).toMatchObject({
        subcategory: 'information_security',
        severity: 'high',
        priority: 'P2',
        greenChannel: false,
      });
    });
  });

  describe('green channel', () => {
    it('fast-tracks an elderly customer and lifts priority to P2', () => {
      const verdict = classify(
        complaint('老人退保', '我父亲80岁了，行动不便，退保手续办了三次都没办成。', {
          productLine: 'life',
        }),
      );
      expect(verdict).toMatchObject({
        subcategory: 'surrender',
        severity: 'medium',
        priority: 'P2',
        greenChannel: true,
      });
      expect(verdict.ids).toContain('R-GC-VULNERABLE');
    });

    it('fast-tracks a health claim with hospital treatment and raises it to high', () => {
      const verdict = classify(
        complaint('住院理赔', '我母亲住院手术后申请理赔，至今没有赔付。', {
          productLine: 'health',
        }),
      );
      expect(verdict).toMatchObject({
        subcategory: 'claims',
        severity: 'high',
        priority: 'P2',
        greenChannel: true,
      });
      expect(verdict.ids).toEqual(
        expect.arrayContaining(['R-GC-VULNERABLE', 'R-GC-HOSPITAL-CLAIM']),
      );
    });

    it('applies the hospital-claim rule to health and life only', () => {
      const verdict = classify(
        complaint('住院理赔', '我母亲住院手术后申请理赔，至今没有赔付。', { productLine: 'motor' }),
      );
      expect(verdict.ids).not.toContain('R-GC-HOSPITAL-CLAIM');
      expect(verdict).toMatchObject({ severity: 'medium', greenChannel: true });
    });

    it('fast-tracks a bereaved claimant on a life policy', () => {
      const verdict = classify(
        complaint(
          'Death claim',
          'My husband died in hospital and the life claim is still not paid.',
          { productLine: 'life' },
        ),
      );
      expect(verdict).toMatchObject({
        category: 'business_handling',
        subcategory: 'claims',
        severity: 'high',
        greenChannel: true,
      });
    });

    it('keeps an ordinary complaint off the green channel', () => {
      expect(classify(complaint('Rude agent', 'The agent was rude.')).greenChannel).toBe(false);
    });
  });

  describe('ties and explanation', () => {
    it('breaks a tie between classes by the fixed class order: business handling before staff', () => {
      const verdict = classify(complaint('Claim delayed', 'My claim has been delayed for weeks.'));
      expect(verdict).toMatchObject({
        category: 'business_handling',
        subcategory: 'claims',
        confidence: 'medium',
      });
      expect(verdict.ids).toEqual(['R-BH-CLAIMS', 'R-SS-EFFICIENCY']);
    });

    it('breaks a tie between technical and staff in favour of technical', () => {
      const verdict = classify(
        complaint('App', 'The app keeps crashing and the call centre agent was rude about it.'),
      );
      expect(verdict).toMatchObject({
        category: 'technical',
        subcategory: 'system_stability',
        confidence: 'medium',
      });
    });

    it('breaks a tie between staff and product in favour of staff', () => {
      expect(classify(complaint('Agent', 'The agent misled me and was rude.'))).toMatchObject({
        category: 'staff_service',
        subcategory: 'attitude',
      });
    });

    it('gives a tie within a class to the subcategory whose rule comes first', () => {
      expect(classify(complaint('Agent', 'The agent was unprofessional and rude.'))).toMatchObject({
        category: 'staff_service',
        subcategory: 'attitude',
        confidence: 'high',
      });
    });

    it('lets the stronger class win over a weaker hint of another', () => {
      const verdict = classify(
        complaint('效率低', '柜面办理变更手续排队两个小时，工作人员效率太低。'),
      );
      expect(verdict.ids).toEqual(['R-SS-EFFICIENCY', 'R-PS-SERVICE-PROCESS']);
      expect(verdict.category).toBe('staff_service');
    });

    it('lists every fired rule with its description, in evaluation order', () => {
      const verdict = classify(complaint('拒赔并辱骂', '理赔被拒赔，客服还骂人，我要找律师。'));
      expect(verdict.matchedRules).toEqual([
        { id: 'R-BH-CLAIM-DENIED', description: 'A claim refused or not paid' },
        {
          id: 'R-BH-CLAIMS',
          description: 'Claims handling: reporting, loss assessment, settlement, payment',
        },
        { id: 'R-SS-ATTITUDE', description: 'Staff attitude: rudeness, abuse, hanging up' },
        { id: 'R-ESC-LEGAL', description: 'Lawyers, lawsuits, courts or arbitration' },
      ]);
      expect(verdict.category).toBe('business_handling');
    });

    it('matches full-width letters as ordinary ones', () => {
      expect(classify(complaint('ＡＰＰ闪退', '打开就闪退')).category).toBe('technical');
    });
  });
});

describe('rule engine refusing an unusable rulebook', () => {
  const rule = (overrides: Partial<RuleDefinition>): RuleDefinition => ({
    id: 'R-X',
    priority: 1,
    description: 'x',
    pattern: 'x',
    category: 'technical',
    subcategory: 'system_stability',
    weight: 1,
    greenChannel: false,
    ...overrides,
  });
  const routes = [
    { category: 'technical', subcategory: '*', department: 'it' },
    { category: 'product_service', subcategory: '*', department: 'pm' },
  ] as const;

  function problemsOf(
    rules: RuleDefinition[],
    r: readonly {
      category: 'technical' | 'product_service';
      subcategory: string;
      department: string;
    }[] = routes,
  ): string[] {
    try {
      new RuleEngine(rules, r);
    } catch (err) {
      if (err instanceof RulebookError) return err.problems;
      throw err;
    }
    return [];
  }

  it('accepts a sound rulebook', () => {
    expect(problemsOf([rule({})])).toEqual([]);
  });

  it('names every problem at once', () => {
    const problems = problemsOf([
      rule({ pattern: '(' }),
      rule({ id: 'R-X', priority: 2, pattern: undefined }),
      rule({ id: 'R-Y', priority: 3, category: undefined }),
      rule({
        id: 'R-Z',
        priority: 4,
        category: undefined,
        subcategory: undefined,
        weight: 0,
        minSeverity: 'urgent' as never,
      }),
    ]);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining('R-X: pattern does not compile'),
        'R-X: has no condition, so it would fire on every complaint',
        'R-Y: a class vote needs a known category and a subcategory',
        'R-Z: unknown severity',
        'rule id R-X is used more than once',
      ]),
    );
  });

  it('refuses a class a rule can vote for without a department, and a fallback without one', () => {
    expect(problemsOf([rule({ category: 'staff_service', subcategory: 'attitude' })], [])).toEqual([
      'no department route for product_service/service_process',
      'no department route for staff_service/attitude',
    ]);
  });
});
