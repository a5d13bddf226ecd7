import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Version 1 of the controlled root-cause taxonomy a decision chooses from (free text stays the
 * explanation). `regulator_cause` maps each cause onto the regulator's return (sales, claims,
 * surrender disputes, the rest). `keywords` (lower case, Chinese and English) let analytics
 * derive a cause from the explanation of decisions that chose none. A new version is a new
 * migration adding rows under the next number; a published version never changes.
 */
const V1: [code: string, regulator: string, en: string, zh: string, keywords: string[]][] = [
  [
    'sales.misrepresentation',
    'sales',
    'Mis-selling: benefits or terms misrepresented',
    '销售误导',
    ['mis-sold', 'misrepresent', 'misled', 'mis-selling', '误导', '夸大', '虚假宣传'],
  ],
  [
    'sales.unsuitable',
    'sales',
    'Product unsuitable for the customer',
    '产品不适当',
    ['unsuitable', 'not suitable', '不适合', '适当性'],
  ],
  [
    'sales.unauthorised',
    'sales',
    'Policy taken out or changed without consent',
    '未经同意投保或变更',
    ['without consent', 'forged', 'signed on behalf', '代签', '未经同意', '冒名'],
  ],
  [
    'claims.delay',
    'claims',
    'Claim handled too slowly',
    '理赔时效',
    ['delay', 'backlog', 'slow', 'no deadline', 'waiting', '拖延', '延迟', '积压', '超时', '缓慢'],
  ],
  [
    'claims.denial',
    'claims',
    'Claim refused',
    '拒赔',
    ['denied', 'denial', 'refused', 'rejected claim', 'declined', '拒赔', '拒绝赔付'],
  ],
  [
    'claims.amount',
    'claims',
    'Settlement amount disputed',
    '理赔金额争议',
    ['amount', 'underpaid', 'settlement', 'valuation', '金额', '少赔', '定损'],
  ],
  [
    'claims.documents',
    'claims',
    'Excessive or repeated document requests',
    '理赔材料要求',
    ['documents', 'paperwork', 'proof requested', '材料', '资料', '证明'],
  ],
  [
    'surrender.value',
    'surrender',
    'Surrender value disputed',
    '退保金额争议',
    ['surrender value', 'cash value', '退保金', '现金价值'],
  ],
  [
    'surrender.process',
    'surrender',
    'Surrender or cancellation process',
    '退保流程',
    ['surrender', 'cancellation', 'cancel', '退保', '解约'],
  ],
  [
    'underwriting.decision',
    'other',
    'Underwriting decision or refusal to insure',
    '核保决定',
    ['underwriting', 'refusal to insure', '核保', '拒保'],
  ],
  [
    'underwriting.premium',
    'other',
    'Premium or rating',
    '保费与费率',
    ['premium', 'rating', 'price', '保费', '费率', '涨价'],
  ],
  [
    'product.terms',
    'other',
    'Policy terms unclear or badly explained',
    '条款解释',
    ['terms', 'wording', 'clause', 'exclusion', '条款', '免责'],
  ],
  [
    'product.design',
    'other',
    'Product features or design',
    '产品设计',
    ['product feature', 'design', 'coverage gap', '产品设计', '保障范围'],
  ],
  [
    'service.process',
    'other',
    'Service process failure',
    '服务流程',
    ['process', 'procedure', 'handover', 'system of work', '流程', '手续'],
  ],
  [
    'service.communication',
    'other',
    'Customer not kept informed',
    '沟通不到位',
    ['not informed', 'no reply', 'no call back', 'communication', '未告知', '没有回复', '沟通'],
  ],
  [
    'staff.attitude',
    'other',
    'Staff attitude',
    '服务态度',
    ['rude', 'attitude', 'impolite', '态度', '恶劣', '不礼貌'],
  ],
  [
    'staff.expertise',
    'other',
    'Staff knowledge or accuracy',
    '专业能力',
    ['wrong advice', 'mistake', 'error by staff', 'expertise', '错误', '不专业'],
  ],
  [
    'technical.system',
    'other',
    'System outage or defect',
    '系统故障',
    ['system', 'outage', 'app crash', 'website down', 'bug', '系统', '故障', '宕机', '闪退'],
  ],
  [
    'technical.security',
    'other',
    'Information security or data leak',
    '信息安全',
    ['data leak', 'security', 'breach', 'fraud call', '泄露', '信息安全', '诈骗'],
  ],
];

export class SeedRootCauseTaxonomy1797100200000 implements MigrationInterface {
  name = 'SeedRootCauseTaxonomy1797100200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE root_cause_taxonomy (
        version integer CONSTRAINT pk_root_cause_taxonomy PRIMARY KEY,
        published_on date NOT NULL,
        note text NOT NULL
      )`);
    await q.query(`
      CREATE TABLE root_cause (
        version integer NOT NULL
          CONSTRAINT fk_root_cause_taxonomy REFERENCES root_cause_taxonomy (version),
        code text NOT NULL,
        regulator_cause text NOT NULL,
        label_en text NOT NULL,
        label_zh text NOT NULL,
        keywords text[] NOT NULL,
        position integer NOT NULL,
        CONSTRAINT pk_root_cause PRIMARY KEY (version, code),
        CONSTRAINT ck_root_cause_regulator CHECK (regulator_cause IN ('sales', 'claims', 'surrender', 'other'))
      )`);
    await q.query(
      `INSERT INTO root_cause_taxonomy (version, published_on, note) VALUES (1, '2026-12-01', $1)`,
      [
        'First controlled list: the plan classes and the regulator causes (sales, claims, surrender)',
      ],
    );
    for (const [i, [code, regulator, en, zh, keywords]] of V1.entries()) {
      await q.query(
        `INSERT INTO root_cause (version, code, regulator_cause, label_en, label_zh, keywords, position)
         VALUES (1, $1, $2, $3, $4, $5, $6)`,
        [code, regulator, en, zh, keywords, i + 1],
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE root_cause`);
    await q.query(`DROP TABLE root_cause_taxonomy`);
  }
}
