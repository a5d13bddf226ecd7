/**
 * The public answer page, in Chinese and English. It holds no data: it reads the token from the
 * link's fragment (never sent to a server), asks POST /v1/answers/lookup what the link is for,
 * and posts the answer to POST /v1/answers. Without a valid token it shows only a refusal.
 */
export function answerPage(nonce: string): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>投诉处理评价 · Rate how we handled your complaint</title>
<style nonce="${nonce}">
  body { font-family: system-ui, "Noto Sans CJK SC", sans-serif; max-width: 36rem; margin: 2rem auto; padding: 0 1rem; color: #222; }
  h1 { font-size: 1.3rem; } fieldset { border: 1px solid #ccc; margin: 1rem 0; padding: .8rem; }
  label { margin-right: 1rem; } textarea { width: 100%; min-height: 5rem; }
  button { padding: .5rem 1.2rem; } .lang { float: right; } .error { color: #a00; } .done { color: #060; }
  [hidden] { display: none; }
</style>
</head>
<body>
<div class="lang"><button type="button" data-lang="zh">中文</button> <button type="button" data-lang="en">English</button></div>
<h1 data-t="title"></h1>
<p id="status" role="status"></p>
<form id="answer" hidden>
  <p data-t="intro"></p>
  <fieldset><legend data-t="rating"></legend>
    <label><input type="radio" name="rating" value="1" required> 1</label>
    <label><input type="radio" name="rating" value="2"> 2</label>
    <label><input type="radio" name="rating" value="3"> 3</label>
    <label><input type="radio" name="rating" value="4"> 4</label>
    <label><input type="radio" name="rating" value="5"> 5</label>
    <div><small data-t="scale"></small></div>
  </fieldset>
  <fieldset><legend data-t="solved"></legend>
    <label><input type="radio" name="solved" value="true" required> <span data-t="yes"></span></label>
    <label><input type="radio" name="solved" value="false"> <span data-t="no"></span></label>
  </fieldset>
  <fieldset><legend data-t="review"></legend>
    <label><input type="checkbox" name="reviewRequested" value="true"> <span data-t="reviewAsk"></span></label>
  </fieldset>
  <p><label for="comment" data-t="comment"></label><br><textarea id="comment" name="comment" maxlength="2000"></textarea></p>
  <button type="submit" data-t="send"></button>
</form>
<script nonce="${nonce}">
(function () {
  var T = {
    zh: { title: '投诉处理评价', intro: '投诉编号：{ref}。请告诉我们您对处理的评价。此链接仅可使用一次，{until}前有效。',
      rating: '您对我们的处理满意吗？', scale: '1 = 非常不满意，5 = 非常满意', solved: '您的问题解决了吗？', yes: '已解决', no: '未解决',
      review: '内部复核', reviewAsk: '我不同意处理决定，申请内部复核', comment: '您的意见（可不填）', send: '提交',
      done: '谢谢，我们已收到您的评价。', checking: '正在核对链接……',
      'ANSWER_LINK.INVALID': '此链接无效。', 'ANSWER_LINK.USED': '此链接已使用过，每封信函的评价只能提交一次。',
      'ANSWER_LINK.EXPIRED': '此链接已过期。', 'ANSWER_LINK.NOT_AWAITED': '此信函已不再等待您的评价。',
      bad: '请检查：', other: '暂时无法提交，请稍后再试。' },
    en: { title: 'Rate how we handled your complaint', intro: 'Complaint reference {ref}. Please tell us what you think of how we handled it. This link works once and until {until}.',
      rating: 'How satisfied are you with how we handled it?', scale: '1 = very dissatisfied, 5 = very satisfied', solved: 'Is your problem solved?', yes: 'Solved', no: 'Not solved',
      review: 'Internal review', reviewAsk: 'I disagree with the decision and ask for an internal review', comment: 'Your comments (optional)', send: 'Send',
      done: 'Thank you, we have your answer.', checking: 'Checking the link…',
      'ANSWER_LINK.INVALID': 'This link is not valid.', 'ANSWER_LINK.USED': 'This link has already been used: each letter can be answered once.',
      'ANSWER_LINK.EXPIRED': 'This link has expired.', 'ANSWER_LINK.NOT_AWAITED': 'This letter no longer awaits your answer.',
      bad: 'Please check: ', other: 'Your answer could not be sent just now; please try again later.' }
  };
  var lang = /[?&]lang=en/.test(location.search) ? 'en' : 'zh';
  var link = null, said = 'checking', detail = '';
  var m = /(?:^#|&)t=([A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+)/.exec(location.hash);
  var token = m ? m[1] : '';
  if (token) history.replaceState(null, '', location.pathname + location.search);
  var form = document.getElementById('answer'), status = document.getElementById('status');
  function render() {
    var t = T[lang];
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.querySelectorAll('[data-t]').forEach(function (el) {
      var text = t[el.getAttribute('data-t')] || '';
      if (link) text = text.replace('{ref}', link.referenceNumber || '—').replace('{until}', new Date(link.expiresAt).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB'));
      el.textContent = text;
    });
    status.textContent = said ? (t[said] || t.other) + detail : '';
    status.className = said === 'done' ? 'done' : said && said !== 'checking' ? 'error' : '';
    form.hidden = !link || said === 'done';
  }
  function refuse(res) {
    return res.json().catch(function () { return {}; }).then(function (p) {
      said = p.code && T[lang][p.code] ? p.code : p.status === 400 ? 'bad' : 'other';
      detail = said === 'bad' && p.errors ? p.errors.map(function (e) { return e.field; }).join(', ') : '';
      if (said !== 'bad') link = null;
      render();
    });
  }
  function post(path, body) {
    return fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  }
  document.querySelectorAll('[data-lang]').forEach(function (b) {
    b.addEventListener('click', function () { lang = b.getAttribute('data-lang'); render(); });
  });
  form.addEventListener('submit', function (e) {
    e.preventDefault();
    var data = new FormData(form), body = { token: token, rating: Number(data.get('rating')), solved: data.get('solved') === 'true' };
    if (data.get('reviewRequested')) body.reviewRequested = true;
    if (String(data.get('comment') || '').trim()) body.comment = String(data.get('comment'));
    post('/v1/answers', body).then(function (res) {
      if (res.ok) { said = 'done'; detail = ''; render(); } else return refuse(res);
    }).catch(function () { said = 'other'; render(); });
  });
  render();
  if (!token) { said = 'ANSWER_LINK.INVALID'; render(); return; }
  post('/v1/answers/lookup', { token: token }).then(function (res) {
    if (!res.ok) return refuse(res);
    return res.json().then(function (l) { link = l; if (!/[?&]lang=/.test(location.search)) lang = l.language === 'en' ? 'en' : 'zh'; said = ''; render(); });
  }).catch(function () { said = 'other'; render(); });
})();
</script>
</body>
</html>
`;
}
