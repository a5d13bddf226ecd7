/** The reviewer's page, the review decision, conflict of interest and major incidents. */
export const reviewZh = {
  nav: '复核申请',
  title: '分配给我的复核申请',
  lead: '客户对处理决定申请了内部复核。复核人未参与原决定，也不是被投诉人；请在收到申请后 30 日内作出复核决定。',
  none: '目前没有分配给您的复核申请。',
  decided: '复核决定已发送（投诉编号 {{reference}}）。',
  columns: { requested: '申请时间', through: '申请途径', round: '被复核的轮次' },
  through: {
    'calling-system': '客户系统',
    'answer-link': '客户答复链接',
    officer: '投诉管理专员记录',
  },
  outcomes: { upheld: '维持原决定', overturned: '撤销原决定（改判）' },
  form: {
    title: '复核决定',
    lead: '这是客户对第 {{round}} 轮决定的内部复核申请（{{requested}}，经{{through}}）。',
    reviewed: '原决定：{{outcome}}（{{by}}）。原依据：',
    outcome: '复核结论',
  },
};

export const reviewEn: typeof reviewZh = {
  nav: 'Review requests',
  title: 'Review requests assigned to me',
  lead: 'Customers asked for an internal review of a decision. The reviewer took no part in it and is not the person complained about; decide within 30 days of the request.',
  none: 'No review request is assigned to you.',
  decided: 'The review decision was sent (reference {{reference}}).',
  columns: { requested: 'Requested', through: 'Through', round: 'Round reviewed' },
  through: {
    'calling-system': 'the calling system',
    'answer-link': "the customer's answer link",
    officer: "a complaints officer's record",
  },
  outcomes: { upheld: 'Uphold the decision', overturned: 'Overturn the decision' },
  form: {
    title: 'Review decision',
    lead: "The customer's internal review of round {{round}}'s decision (asked {{requested}}, through {{through}}).",
    reviewed: 'Decision reviewed: {{outcome}} (by {{by}}). Its reasons:',
    outcome: 'Review outcome',
  },
};

export const conflictZh = {
  title: '利益冲突',
  open: '申报利益冲突',
  lead: '申报后您将不再处理本案件，案件会改派给可以处理的同事（记入审计）。',
  reason: '利益冲突说明',
  submit: '确认申报并改派',
  done: '已申报利益冲突。案件已改派给 {{handler}}。',
};

export const conflictEn: typeof conflictZh = {
  title: 'Conflict of interest',
  open: 'Declare a conflict of interest',
  lead: 'You will no longer handle this case; it goes to a colleague who may (audited).',
  reason: 'What the interest is',
  submit: 'Declare and hand over',
  done: 'Conflict of interest declared. The case now goes to {{handler}}.',
};

export const majorZh = {
  nav: '重大投诉',
  title: '重大投诉事件',
  lead: '同一事项 20 名以上投诉人、自然灾害或公共卫生事件、监管机构认定的重大投诉。按应急预案：报告管理层、统一回应、优先处理。未完成步骤的事件排在前面。',
  none: '没有重大投诉事件。',
  raisedBy: '由 {{by}} 申报',
  detected: '系统按投诉人数自动发现',
  counts: '{{complainants}} 名投诉人，{{complaints}} 件投诉',
  open: '还有 {{count}} 个应急步骤未完成',
  allDone: '应急步骤已全部完成',
  stepsTitle: '应急步骤',
  steps: {
    'management-informed': '已报告管理层',
    'coordinated-response': '统一回应',
    'priority-handling': '优先处理',
  },
  note: '完成情况说明',
  tick: '标记为已完成',
  done: '已完成（{{by}}，{{at}}）：',
  complaints: '关联投诉',
};

export const majorEn: typeof majorZh = {
  nav: 'Major complaints',
  title: 'Major incidents',
  lead: 'Twenty or more complainants on one matter, a disaster or public-health event, or the regulator’s designation. The contingency plan: management told, one coordinated response, priority handling. Incidents with steps left come first.',
  none: 'No major incident.',
  raisedBy: 'declared by {{by}}',
  detected: 'found from the number of complainants',
  counts: '{{complainants}} complainants, {{complaints}} complaints',
  open: '{{count}} contingency steps left',
  allDone: 'every contingency step done',
  stepsTitle: 'Contingency steps',
  steps: {
    'management-informed': 'Management informed',
    'coordinated-response': 'One coordinated response',
    'priority-handling': 'Priority handling',
  },
  note: 'What was done',
  tick: 'Mark done',
  done: 'Done ({{by}}, {{at}}):',
  complaints: 'Linked complaints',
};

/** The API's refusals on these screens, by problem+json code. */
export const reviewCodesZh = {
  'RECUSAL.COMPLAINED_ABOUT': '本投诉涉及您本人，您不能处理、复核或审批本案件。',
  'RECUSAL.HANDLER_EXCLUDED': '所选经办人不能处理本案件：',
  'RECUSAL.NO_HANDLER_LEFT': '没有其他可以接手本案件的经办人，请联系主管。',
  'RECUSAL.ALREADY_DECLARED': '您已经申报过本案件的利益冲突。',
  'REVIEW.NOT_A_REVIEW': '这一轮不是内部复核，不能选择维持或撤销。',
  'REPEAT.NOT_FOUND': '本投诉没有被标记为疑似重复投诉。',
  'REPEAT.ALREADY_DECIDED': '这条重复投诉关联已经处理过了。',
  'CLOCK.CASE_DECIDED': '相关案件已作出决定，不能再合并或重新计时。',
  'CLOCK.ENDED': '相关投诉的期限已结束（已撤回或已合并）。',
  'MAJOR.NOT_FOUND': '没有这个重大投诉事件。',
  'MAJOR.STEP_DONE': '该应急步骤已经完成。',
};

export const reviewCodesEn: typeof reviewCodesZh = {
  'RECUSAL.COMPLAINED_ABOUT':
    'The complaint is about you: you may not handle, review or approve this case.',
  'RECUSAL.HANDLER_EXCLUDED': 'That handler may not hold this case:',
  'RECUSAL.NO_HANDLER_LEFT': 'Nobody else may take this case; ask a supervisor.',
  'RECUSAL.ALREADY_DECLARED': 'You already declared a conflict of interest on this case.',
  'REVIEW.NOT_A_REVIEW': 'This round is not an internal review: uphold or overturn does not apply.',
  'REPEAT.NOT_FOUND': 'This complaint is not proposed as a repeat.',
  'REPEAT.ALREADY_DECIDED': 'This repeat link was already decided.',
  'CLOCK.CASE_DECIDED': 'A case concerned is decided: it can no longer be merged or restarted.',
  'CLOCK.ENDED': 'A complaint concerned has no running clock (withdrawn or merged).',
  'MAJOR.NOT_FOUND': 'No such major incident.',
  'MAJOR.STEP_DONE': 'That contingency step is already done.',
};
