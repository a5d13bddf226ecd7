import type { i18n as I18n } from 'i18next';

/** The pipeline section's words, added to the translations when the section first renders. */
const zh = {
  title: '消息管道',
  lead: '来自 Prometheus 的实时指标：每个主题和消费组的积压、吞吐、延迟、死信和发件箱；没有个人信息。',
  window: '最近 {{minutes}} 分钟',
  latest: '当前 {{value}}',
  empty: '暂无数据。',
  charts: {
    lag: '消费积压（待处理事件数）',
    oldestUnconsumed: '最早未消费事件的等待时间（秒）',
    eventsIn: '每秒写入事件数（按主题）',
    eventsOut: '每秒消费事件数（按消费组）',
    processingP99: '单个事件处理耗时 p99（秒）',
    deadLetters: '待处理死信',
    outboxOldest: '发件箱最早未发送事件（秒）',
  },
  alerts: '告警',
  noAlerts: '没有未解除的告警。',
  alertColumns: { name: '告警', state: '状态', severity: '级别', summary: '说明' },
  states: { firing: '触发中', pending: '待定', inactive: '未触发' },
};

const en: typeof zh = {
  title: 'Message pipeline',
  lead: 'Live from Prometheus: per topic and consumer group backlog, throughput, latency, dead letters and outboxes; no personal data.',
  window: 'last {{minutes}} minutes',
  latest: 'now {{value}}',
  empty: 'No data yet.',
  charts: {
    lag: 'Consumer lag (events waiting)',
    oldestUnconsumed: 'Oldest unconsumed event (s)',
    eventsIn: 'Events in per second (by topic)',
    eventsOut: 'Events out per second (by group)',
    processingP99: 'Applying one event, p99 (s)',
    deadLetters: 'Dead letters parked',
    outboxOldest: 'Oldest unpublished outbox row (s)',
  },
  alerts: 'Alerts',
  noAlerts: 'No open alerts.',
  alertColumns: { name: 'Alert', state: 'State', severity: 'Severity', summary: 'Summary' },
  states: { firing: 'firing', pending: 'pending', inactive: 'inactive' },
};

export function ensurePipelineMessages(i18n: I18n): void {
  if (i18n.exists('pipeline.title')) return;
  i18n.addResourceBundle('zh', 'translation', { pipeline: zh }, true, false);
  i18n.addResourceBundle('en', 'translation', { pipeline: en }, true, false);
}
