/** The "sent mail" page (what the local mail sink received). */
export const sentMailZh = {
  nav: '已发送邮件',
  title: '已发送邮件（本地邮件接收端）',
  lead: '本地邮件服务器收到的邮件，最新的在前。答复链接的令牌已隐去。',
  filter: '收件人地址',
  apply: '筛选',
  to: '收件人',
  subject: '主题',
  received: '收到时间',
  none: '没有邮件。',
  show: '查看正文',
};

export const sentMailEn: typeof sentMailZh = {
  nav: 'Sent mail',
  title: 'Sent mail (local mail sink)',
  lead: 'E-mail the local mail server received, newest first. Answer-link tokens are hidden.',
  filter: 'Recipient address',
  apply: 'Filter',
  to: 'To',
  subject: 'Subject',
  received: 'Received',
  none: 'No mail.',
  show: 'Show the text',
};
