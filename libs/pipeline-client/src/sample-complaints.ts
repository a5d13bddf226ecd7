/**
 * Realistic complaints, in Chinese and English, across the four classes of the industry plan.
 * The demo, the end-to-end suite and the benchmark submit these (with fresh caller references).
 * Each carries the contact its channel requires at intake (a phone for phone, an e-mail for
 * email, an ID number for a regulator referral, a phone or e-mail otherwise).
 * Names, phones and ID numbers are invented.
 */
export interface SampleComplaint {
  /** The class a reader would expect classification to choose. */
  expectedCategory: 'product_service' | 'business_handling' | 'staff_service' | 'technical';
  channel: 'phone' | 'email' | 'web' | 'app' | 'branch' | 'social' | 'regulator_referral';
  productLine: 'life' | 'health' | 'motor' | 'property' | 'liability' | 'travel' | 'other';
  subject: string;
  description: string;
  desiredOutcome?: string;
  customer: { name: string; phone?: string; email?: string; idNumber?: string };
}

export const SAMPLE_COMPLAINTS: readonly SampleComplaint[] = [
  {
    expectedCategory: 'business_handling',
    channel: 'phone',
    productLine: 'motor',
    subject: '车险理赔拖延三个月',
    description: '我三个月前提交的车险理赔至今没有赔付，每次打电话客服都说还在审核，没有任何进展。',
    desiredOutcome: '尽快完成理赔并赔付修车费用',
    customer: { name: '王芳', phone: '+86 139 1234 5678', idNumber: '110101199003074512' },
  },
  {
    expectedCategory: 'business_handling',
    channel: 'email',
    productLine: 'health',
    subject: 'Claim denied without explanation',
    description:
      'My hospital claim was denied and the letter gives no reason. I was hospitalised for five days and the policy covers inpatient care.',
    desiredOutcome: 'Pay the claim or explain the denial in writing',
    customer: { name: 'Emily Carter', email: 'emily.carter@example.com' },
  },
  {
    expectedCategory: 'business_handling',
    channel: 'branch',
    productLine: 'life',
    subject: '退保金额与说明不符',
    description: '我申请退保，实际退保金额比业务员当初说的少了一半，退保手续也拖了很久。',
    customer: { name: '李强', phone: '+86 138 0013 8000' },
  },
  {
    expectedCategory: 'staff_service',
    channel: 'phone',
    productLine: 'property',
    subject: '客服态度恶劣',
    description: '我打电话咨询家财险的报案流程，客服态度很差，不耐烦，还挂了我的电话。',
    customer: { name: '陈静', phone: '+86 137 5555 0101' },
  },
  {
    expectedCategory: 'staff_service',
    channel: 'web',
    productLine: 'travel',
    subject: 'Rude agent and very slow service',
    description:
      'The agent was rude to me on the phone and I waited two weeks for a simple answer about my travel policy.',
    customer: { name: 'James Wilson', email: 'j.wilson@example.org' },
  },
  {
    expectedCategory: 'product_service',
    channel: 'app',
    productLine: 'health',
    subject: '保险条款解释不清，存在误导',
    description:
      '购买时业务员没有说明等待期条款，现在才知道等待期内的疾病不赔，我认为销售时存在误导。',
    customer: { name: '张伟', phone: '+86 135 2222 3333' },
  },
  {
    expectedCategory: 'product_service',
    channel: 'email',
    productLine: 'property',
    subject: 'Policy terms were misleading',
    description:
      'The policy terms about flood cover were not explained when I bought the policy, and the explanation I got was misleading.',
    customer: { name: 'Sarah Brown', email: 'sarah.brown@example.net' },
  },
  {
    expectedCategory: 'technical',
    channel: 'app',
    productLine: 'motor',
    subject: 'App 无法登录，系统一直报错',
    description: '这一周手机App一直无法登录，系统报错，没办法查看保单和提交理赔材料。',
    customer: { name: '刘洋', phone: '+86 136 7777 8888' },
  },
  {
    expectedCategory: 'technical',
    channel: 'web',
    productLine: 'life',
    subject: 'My personal data was leaked',
    description:
      'I received calls from strangers who knew my policy details. I believe there was a data breach and my personal data was leaked.',
    customer: { name: 'David Lee', phone: '+44 20 7946 0958' },
  },
  {
    expectedCategory: 'business_handling',
    channel: 'regulator_referral',
    productLine: 'health',
    subject: '重疾险理赔被拒，已向监管部门投诉',
    description: '我父亲确诊重病住院，重疾险理赔被拒赔，我们已经向银保监投诉，请尽快处理。',
    customer: { name: '赵敏', phone: '+86 131 4444 5555', idNumber: '110105198506123321' },
  },
];
