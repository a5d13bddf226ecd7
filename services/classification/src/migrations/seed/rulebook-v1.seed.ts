import type {
  DepartmentRouteDefinition,
  RuleDefinition,
  SlaPolicyDefinition,
} from '../../rules/rule.types';

/**
 * The first rulebook, exactly as migration 1764230600001 seeds it. Frozen like the migration:
 * analysts change rules in the tables (or through a later migration), never here. The unit
 * tests run against it, so they describe what a fresh installation does.
 *
 * Patterns are matched case-insensitively (flags `iu`) over the subject and description after
 * NFKC normalisation. Weights: 3 or 4 for a signal specific to one cause, 2 for a usual one,
 * 1 for a weak hint. Rules 500 and up classify nothing; they raise severity and priority or
 * open the green channel.
 */

/** The clause a cause needs to be in the same sentence. */
const SAME_SENTENCE = String.raw`[^.。!?\n]{0,40}`;

const CLASS_RULES: RuleDefinition[] = [
  {
    id: 'R-BH-CLAIM-DENIED',
    priority: 100,
    description: 'A claim refused or not paid',
    pattern: String.raw`拒赔|拒绝(?:理赔|赔付|赔偿)|不予(?:赔付|理赔|赔偿)|不赔|\bclaims?\b${SAME_SENTENCE}\b(?:denied|rejected|declined|refused|turned down)\b|\b(?:denied|rejected|declined|refused|turned down)\b${SAME_SENTENCE}\bclaims?\b`,
    category: 'business_handling',
    subcategory: 'claims',
    weight: 3,
    greenChannel: false,
  },
  {
    id: 'R-BH-CLAIMS',
    priority: 110,
    description: 'Claims handling: reporting, loss assessment, settlement, payment',
    pattern: String.raw`理赔|赔付|赔款|赔偿|索赔|报案|定损|报销|\bclaim(?:s|ed|ing)?\b|\bpay-?outs?\b|\bsettlement\b|\bloss adjust|\badjusters?\b|\breimburse`,
    category: 'business_handling',
    subcategory: 'claims',
    weight: 2,
    greenChannel: false,
  },
  {
    id: 'R-BH-SURRENDER',
    priority: 120,
    description: 'Surrender, cancellation and refund of a policy',
    pattern: String.raw`退保|解除(?:保险)?合同|退还保费|退费|现金价值|犹豫期|\bsurrender|\bcancel(?:l?ed|l?ing|lation|s)?\b${SAME_SENTENCE}\bpolic(?:y|ies)\b|\bpolic(?:y|ies)\b${SAME_SENTENCE}\bcancel|\bcooling-?off|\bcash value|\brefund of (?:the |my )?premiums?|\bpremium refund`,
    category: 'business_handling',
    subcategory: 'surrender',
    weight: 3,
    greenChannel: false,
  },
  {
    id: 'R-BH-UNDERWRITING',
    priority: 130,
    description: 'Underwriting: acceptance, premiums and rating, renewal',
    pattern: String.raw`核保|承保|拒保|投保|保费|加费|续保|费率|健康告知|\bunderwrit|\bpremiums?\b|\brenewal|\brenew\b|\brefus\w* to (?:insure|cover)|\bdeclined? (?:my )?application|\bmedical (?:exam|declaration)`,
    category: 'business_handling',
    subcategory: 'underwriting',
    weight: 2,
    greenChannel: false,
  },
  {
    id: 'R-SS-ATTITUDE',
    priority: 200,
    description: 'Staff attitude: rudeness, abuse, hanging up',
    pattern: String.raw`态度|骂|辱骂|不耐烦|挂(?:断)?(?:了)?(?:我的)?电话|冷漠|恶劣|嘲笑|\brude(?:ly|ness)?\b|\battitude\b|\bimpolite|\bdisrespect|\byell(?:ed|ing)?\b|\bshout(?:ed|ing)?\b|\bhung up\b|\binsult|\barrogant|\bcondescending`,
    category: 'staff_service',
    subcategory: 'attitude',
    weight: 3,
    greenChannel: false,
  },
  {
    id: 'R-SS-EFFICIENCY',
    priority: 210,
    description: 'Staff efficiency: slowness, delay, being passed around',
    pattern: String.raw`慢|效率|拖延|拖拉|迟迟|推诿|踢皮球|没人(?:处理|理|回复)|无人(?:处理|回复)|一直(?:没有|没)(?:回复|消息|结果|处理)|等了|\bslow(?:ly|ness)?\b|\bwaited\b|\bwaiting\b|\bdelay(?:s|ed)?\b|\binefficien|\bno (?:one|reply|response|answer)\b|\bnever (?:called|replied|responded|got back)|\bignored\b|\bpassed (?:me )?around|\bkept (?:me )?waiting`,
    category: 'staff_service',
    subcategory: 'efficiency',
    weight: 2,
    greenChannel: false,
  },
  {
    id: 'R-SS-EXPERTISE',
    priority: 220,
    description: 'Staff expertise: unprofessional or wrong advice',
    pattern: String.raw`不专业|专业(?:水平|能力|知识)|业务不熟|不懂业务|答非所问|解释不清|说不清楚|一问三不知|乱说|错误(?:的)?(?:建议|指导|信息|解答)|\bunprofessional|\bincompetent|\bwrong (?:advice|information|answer)|\bmisinform|\bbad advice|\b(?:agent|staff|adviser|advisor|representative|he|she|they)\b[^.!?]{0,20}\b(?:didn'?t|did not|doesn'?t|does not) know\b|\black(?:s|ed|ing)? (?:of )?(?:knowledge|expertise|training)|\buntrained`,
    category: 'staff_service',
    subcategory: 'expertise',
    weight: 3,
    greenChannel: false,
  },
  {
    id: 'R-PS-MISSELLING',
    priority: 300,
    description: 'Mis-selling: misleading or false explanation of the policy at sale',
    pattern: String.raw`误导|夸大|虚假宣传|隐瞒|欺骗|骗我|\bmislead|\bmisled\b|\bmis-?sold|\bmis-?selling|\bmisrepresent|\bfalse(?:ly)? (?:advertis|promis)|\blied\b|\bdeceiv|\bdeception`,
    category: 'product_service',
    subcategory: 'policy_terms',
    weight: 3,
    greenChannel: false,
  },
  {
    id: 'R-PS-POLICY-TERMS',
    priority: 310,
    description: 'Policy terms: exclusions, wording, terms not explained',
    pattern: String.raw`条款|免责|责任免除|等待期|合同(?:约定|内容|解释)|没有(?:告知|说明|解释)|未(?:告知|说明|解释)|看不懂|\bterms\b|\bpolicy wording|\bwording\b|\bexclusions?\b|\bfine print|\bsmall print|\bexplanation|\bnot (?:explained|told|informed)|\bnever (?:explained|told|informed)|\bwaiting period`,
    category: 'product_service',
    subcategory: 'policy_terms',
    weight: 2,
    greenChannel: false,
  },
  {
    id: 'R-PS-PRODUCT-FEATURES',
    priority: 320,
    description: 'Product features: coverage, sums insured, returns and dividends',
    pattern: String.raw`产品(?:设计|功能|责任)|保障范围|保额|收益率|分红|万能账户|结算利率|保障不足|\bcoverage\b|\bproduct (?:design|features?)|\bdividends?\b|\bbonus rate|\bsum (?:assured|insured)|\bcrediting rate`,
    category: 'product_service',
    subcategory: 'product_features',
    weight: 2,
    greenChannel: false,
  },
  {
    id: 'R-PS-SERVICE-PROCESS',
    priority: 330,
    description: 'Service process: procedures, paperwork, queues, appointments',
    pattern: String.raw`流程|手续|繁琐|麻烦|材料|排队|预约|回访|\bprocess\b|\bprocedures?\b|\bpaperwork\b|\bforms?\b|\bqueue|\bappointment|\bhotline\b|\bred tape|\bbureaucra`,
    category: 'product_service',
    subcategory: 'service_process',
    weight: 1,
    greenChannel: false,
  },
  {
    id: 'R-TECH-SYSTEM',
    priority: 400,
    description: 'System stability: app or website failures, login problems, outages',
    pattern: String.raw`(?:系统|网站|官网|app|软件|小程序|页面)(?:故障|错误|崩溃|异常|出错|瘫痪|打不开|无法打开|卡顿|闪退|bug|维护)|闪退|宕机|无法登录|登录不了|登不上|不能登录|登录失败|白屏|收不到验证码|验证码收不到|技术支持|\b(?:app|website|site|portal|system|page|software)\b${SAME_SENTENCE}\b(?:crash|froze|freez|down\b|errors?\b|broken|not working|keeps failing)|\bcrash(?:es|ed)? (?:when|whenever|every time|on (?:login|launch|start))|\boutages?\b|\b(?:can ?not|can'?t|unable to|couldn'?t|could not) (?:log ?in|sign ?in|access (?:my|the) (?:account|app|website|portal))|\blog ?in (?:fails|failed|failure|error)|\berror messages?\b|\bglitch|\bbug\b|\btimed? ?out\b|\btech(?:nical)? support`,
    category: 'technical',
    subcategory: 'system_stability',
    weight: 3,
    greenChannel: false,
  },
  {
    id: 'R-TECH-BREACH',
    priority: 410,
    description: 'Information security: personal data leaked, accounts hacked',
    pattern: String.raw`泄露|(?:信息|数据|资料|隐私|号码)(?:被)?(?:泄漏|外泄)|账号被盗|账户被盗|盗号|黑客|被黑|\b(?:data|information|details|records)\b${SAME_SENTENCE}\bleak|\bleak(?:ed|s)?\b${SAME_SENTENCE}\b(?:data|information|details|records|numbers?)\b|\bdata breach|\bsecurity breach|\bbreach(?:ed)? of (?:my )?(?:data|privacy|personal)|\bhack(?:ed|er|ers|ing)?\b|\bstolen (?:data|identity|account)|\bidentity theft|\baccount (?:was |has been )?(?:compromised|taken over)`,
    category: 'technical',
    subcategory: 'information_security',
    weight: 4,
    minSeverity: 'critical',
    minPriority: 'P1',
    greenChannel: false,
  },
  {
    id: 'R-TECH-PRIVACY',
    priority: 420,
    description: 'Privacy: misuse of personal information, unsolicited calls',
    pattern: String.raw`隐私|个人信息|身份信息|骚扰电话|推销电话|骚扰短信|\bprivacy\b|\bpersonal (?:data|information|details)\b|\bspam (?:calls?|texts?|messages?)|\bmarketing calls?|\bunsolicited|\bGDPR\b|\bsold my (?:data|details|information|number)`,
    category: 'technical',
    subcategory: 'information_security',
    weight: 3,
    minSeverity: 'high',
    greenChannel: false,
  },
];

const ESCALATION_RULES: RuleDefinition[] = [
  {
    id: 'R-ESC-REGULATOR-REFERRAL',
    priority: 500,
    description: 'Referred by the regulator: fast track, first priority',
    channels: ['regulator_referral'],
    weight: 0,
    minSeverity: 'high',
    minPriority: 'P1',
    greenChannel: true,
  },
  {
    id: 'R-ESC-REGULATOR',
    priority: 510,
    description: 'The customer has gone or threatens to go to the regulator',
    pattern: String.raw`银保监|保监|金融监管|监管(?:局|部门|机构)|国家金融监督|12378|消协|消费者协会|\bregulators?\b|\bombudsman\b|\bFCA\b|\bFOS\b|\bCBIRC\b|\bNFRA\b|\bCFPB\b|\binsurance (?:department|commissioner)`,
    weight: 0,
    minSeverity: 'high',
    minPriority: 'P1',
    greenChannel: false,
  },
  {
    id: 'R-ESC-MEDIA',
    priority: 520,
    description: 'The customer involves or threatens to involve the media',
    pattern: String.raw`媒体|记者|曝光|微博|抖音|热搜|电视台|\bmedia\b|\bjournalists?\b|\bnewspapers?\b|\breporters?\b|\bthe press\b|\bgo(?:ing)? public\b|\bviral\b|\bTV\b`,
    weight: 0,
    minSeverity: 'high',
    minPriority: 'P1',
    greenChannel: false,
  },
  {
    id: 'R-ESC-LEGAL',
    priority: 530,
    description: 'Lawyers, lawsuits, courts or arbitration',
    pattern: String.raw`律师|起诉|诉讼|法院|仲裁|法律途径|打官司|\blawyers?\b|\battorneys?\b|\bsolicitors?\b|\bsue\b|\bsuing\b|\blawsuit|\bcourt\b|\blegal (?:action|proceedings)|\blitigation|\barbitration`,
    weight: 0,
    minSeverity: 'high',
    minPriority: 'P1',
    greenChannel: false,
  },
  {
    id: 'R-ESC-MASS',
    priority: 540,
    description:
      'A group complaint (20 or more complainants): a major complaint under the 2020 rules',
    pattern: String.raw`群体|集体(?:投诉|维权)|联名|(?<![\d.])(?:[2-9]\d|[1-9]\d{2,})\s*多?\s*(?:名|位|户|人(?!民))|\b(?:[2-9]\d|[1-9]\d{2,})\+?\s*(?:other )?(?:people|customers|policyholders|complainants|families|households|members|victims)\b|\bclass action|\bmass complaint|\bgroup complaint`,
    weight: 0,
    minSeverity: 'critical',
    minPriority: 'P1',
    greenChannel: true,
  },
  {
    id: 'R-ESC-AMOUNT',
    priority: 550,
    description: 'A very high amount: one million or more (100万) in any currency',
    pattern: String.raw`(?<![\d.,])(?:[1-9]\d{2,}(?:\.\d+)?\s*万|\d+(?:\.\d+)?\s*亿)|(?:¥|rmb|cny|\$|usd|£|gbp)\s?(?:[1-9]\d{0,2}(?:,\d{3}){2,}|[1-9]\d{6,})(?!\d|,\d)|(?<![\d.,])(?:[1-9]\d{0,2}(?:,\d{3}){2,}|[1-9]\d{6,})\s*(?:元|yuan|rmb|cny|dollars|pounds)|\b\d+(?:\.\d+)?\s*million\b`,
    weight: 0,
    minSeverity: 'high',
    minPriority: 'P1',
    greenChannel: false,
  },
];

const GREEN_CHANNEL_RULES: RuleDefinition[] = [
  {
    id: 'R-GC-VULNERABLE',
    priority: 600,
    description:
      'A vulnerable customer: elderly, seriously ill, hospitalised, bereaved, disabled, pregnant',
    pattern: String.raw`老人|老年|高龄|年迈|(?<!\d)[6-9]\d\s*岁|重病|重疾|癌|绝症|病危|残疾|孕妇|身故|去世|死亡|过世|病逝|住院|\belderly\b|\bpensioners?\b|\b(?:6[5-9]|[7-9]\d)[- ]years?[- ]old|\bterminal(?:ly)? ill|\bcancer\b|\bdisab(?:led|ility)\b|\bdeath\b|\bdied\b|\bpassed away|\bdeceased\b|\bwidow(?:ed|er)?\b|\bhospital(?:i[sz]ed|i[sz]ation)?\b|\bpregnan`,
    weight: 0,
    greenChannel: true,
  },
  {
    id: 'R-GC-HOSPITAL-CLAIM',
    priority: 610,
    description: 'A health or life claim involving hospital treatment',
    pattern: String.raw`^(?=[\s\S]*?(?:理赔|赔付|报销|\bclaim))(?=[\s\S]*?(?:住院|医院|icu|重症|手术|\bhospital|\bsurgery|\bintensive care))`,
    productLines: ['health', 'life'],
    weight: 0,
    minSeverity: 'high',
    greenChannel: true,
  },
];

export const RULES_V1: readonly RuleDefinition[] = [
  ...CLASS_RULES,
  ...ESCALATION_RULES,
  ...GREEN_CHANNEL_RULES,
];

export const DEPARTMENT_ROUTES_V1: readonly DepartmentRouteDefinition[] = [
  { category: 'business_handling', subcategory: 'claims', department: 'claims' },
  { category: 'business_handling', subcategory: 'surrender', department: 'policy-services' },
  { category: 'business_handling', subcategory: 'underwriting', department: 'policy-services' },
  { category: 'business_handling', subcategory: '*', department: 'policy-services' },
  { category: 'product_service', subcategory: '*', department: 'product-management' },
  { category: 'staff_service', subcategory: '*', department: 'customer-service-quality' },
  { category: 'technical', subcategory: 'system_stability', department: 'it-operations' },
  {
    category: 'technical',
    subcategory: 'information_security',
    department: 'information-security',
  },
  { category: 'technical', subcategory: '*', department: 'it-operations' },
];

/** The 2020 rules: decide within 15 natural days; the green channel promises 5. */
export const SLA_POLICY_V1: SlaPolicyDefinition & { description: string } = {
  id: 'cn-2020-standard@1',
  description:
    'CBIRC Order 2020 No. 3: decision within 15 natural days of receipt; green channel 5 days',
  decisionDays: 15,
  greenDecisionDays: 5,
  acknowledgeHours: 24,
  greenAcknowledgeHours: 2,
};
