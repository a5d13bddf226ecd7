/** Repeat and major-complaint links shown on a case, Chinese first. */
export const linksZh = {
  title: '关联投诉',
  none: '无重复投诉或重大投诉关联。',
  openEarlier: '打开较早的投诉',
  decision: {
    reason: '处理说明（合并、重新计时或拆分的理由）',
    merged: '确认重复：合并（无新事实，期限不重新计算）',
    restarted: '确认重复：有新事实，重新计算期限',
    split: '不是重复：拆分为独立投诉',
  },
  repeatOf: '疑似重复：与同一客户仍在处理的投诉 {{id}} 相似（相似度 {{similarity}}）',
  repeatedBy: '同一客户的后续投诉 {{id}} 疑似重复本投诉',
  statuses: {
    proposed: '待处理人确认',
    merged: '已合并（期限不重新计算）',
    restarted: '有新事实：期限重新计算',
    split: '已拆分（不是重复投诉）',
  },
  major: '重大投诉：本投诉属于重大事件（{{trigger}}，{{count}} 名投诉人），按应急预案优先处理',
  triggers: {
    'complainant-threshold': '同一事项 20 名以上投诉人',
    disaster: '自然灾害',
    'public-health': '公共卫生事件',
    'regulator-designation': '监管机构认定',
  },
};

export const linksEn: typeof linksZh = {
  title: 'Linked complaints',
  none: 'No repeat or major-complaint link.',
  openEarlier: 'open the earlier complaint',
  decision: {
    reason: 'Why (merge, restart or split)',
    merged: 'Confirm the repeat: merge (no new facts, the clock runs on)',
    restarted: 'Confirm the repeat: new facts, restart the clock',
    split: 'Not a repeat: split it off',
  },
  repeatOf:
    'Possible repeat: like the same customer’s open complaint {{id}} (similarity {{similarity}})',
  repeatedBy: 'The same customer’s later complaint {{id}} may repeat this one',
  statuses: {
    proposed: 'awaiting the handler',
    merged: 'merged (the clock runs on)',
    restarted: 'new facts: the clock restarted',
    split: 'split (not a repeat)',
  },
  major:
    'Major complaint: part of a major incident ({{trigger}}, {{count}} complainants), handled first under the contingency plan',
  triggers: {
    'complainant-threshold': '20 or more complainants on one matter',
    disaster: 'a disaster',
    'public-health': 'a public-health event',
    'regulator-designation': 'designated by the regulator',
  },
};
