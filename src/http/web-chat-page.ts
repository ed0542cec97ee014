import { createHash } from 'node:crypto';

const PAGE_STYLE = `
  [hidden] { display: none !important; }
  body { font: 15px/1.45 system-ui, sans-serif; margin: 0; background: #f4f5f7; color: #1d1f23; }
  header { background: #1f3a5f; color: #fff; padding: 10px 18px; display: flex; gap: 16px; align-items: center; }
  header h1 { font-size: 18px; margin: 0; }
  header small { opacity: .8; }
  main { max-width: 860px; margin: 0 auto; padding: 16px; }
  form { display: flex; gap: 8px; margin: 12px 0; }
  input[type=text], input[type=password] { flex: 1; padding: 8px 10px; border: 1px solid #c8ccd2; border-radius: 6px; font: inherit; }
  button { padding: 8px 14px; border: 0; border-radius: 6px; background: #1f3a5f; color: #fff; font: inherit; cursor: pointer; }
  .turn { margin: 14px 0; }
  .question { font-weight: 600; margin-bottom: 6px; }
  .answer { white-space: pre-wrap; background: #fff; border-radius: 8px; padding: 10px 12px; border: 1px solid #e1e4e8; }
  .card { background: #fff; border: 1px solid #d5dae1; border-left: 4px solid #1f3a5f; border-radius: 8px; padding: 10px 12px; margin: 8px 0; }
  .card h3 { margin: 0 0 4px; font-size: 15px; }
  .card .meta { color: #5a6270; font-size: 13px; }
  .card ul { margin: 6px 0 0 18px; padding: 0; }
  .card.blocked { border-left-color: #b3261e; }
  figure.card { margin: 8px 0; }
  img.chart { max-width: 100%; height: auto; display: block; }
  .cite { color: #5a6270; font-size: 12px; }
  .footer { color: #5a6270; font-size: 12px; margin-top: 4px; }
  .choices { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 6px; }
  button.choice { background: #fff; color: #1f3a5f; border: 1px solid #1f3a5f; padding: 5px 10px; text-align: left; }
  button.choice:disabled { opacity: .55; cursor: default; }
  button.choice.chosen { background: #1f3a5f; color: #fff; }
  .error { color: #b3261e; }
  .synthetic { background: #fff4ce; padding: 6px 10px; border-radius: 6px; font-size: 13px; }
`;

const PAGE_SCRIPT = `
(() => {
  const $ = (id) => document.getElementById(id);
  let token = sessionStorage.getItem('omni-token') || '';
  let threadId = sessionStorage.getItem('omni-thread') || ('web-' + Math.random().toString(36).slice(2, 12));
  sessionStorage.setItem('omni-thread', threadId);

  function el(tag, options, ...children) {
    const node = document.createElement(tag);
    if (options && options.className) node.className = options.className;
    if (options && options.testid) node.dataset.testid = options.testid;
    for (const child of children) if (child !== null && child !== undefined) node.append(typeof child === 'string' ? document.createTextNode(child) : child);
    return node;
  }
  const list = (items) => el('ul', null, ...items.map((item) => el('li', null, item)));
  const label = (kind) => String(kind || '').replace(/_/g, ' ');

  const cards = {
    lookup_hcp_profile(output) {
      if (output.status === 'ambiguous') return el('div', { className: 'card', testid: 'candidates-card' }, el('h3', null, 'Several HCPs match'), list(output.candidates.map((c) => c.name + ' (' + c.id + '), ' + c.specialty + ', ' + c.city)));
      if (output.status !== 'found') return el('div', { className: 'card blocked' }, output.message);
      const h = output.hcp;
      const granted = output.consents.filter((c) => c.status === 'granted').map((c) => label(c.channel) + ' (' + c.purpose + ')');
      return el('div', { className: 'card', testid: 'profile-card' },
        el('h3', null, h.name + ' · ' + h.specialty),
        el('div', { className: 'meta' }, h.institution + ', ' + h.city + ' · ' + h.id + ' · segment ' + (h.segment || '–')),
        output.signals.length ? list(output.signals.map((s) => s.sentence)) : null,
        el('div', { className: 'meta' }, 'Consent: ' + (granted.join(', ') || 'none granted')));
    },
    get_next_best_actions(output) {
      if (output.status !== 'recommended') return el('div', { className: 'card blocked' }, output.message);
      const a = output.recommended;
      return el('div', { className: 'card', testid: 'nba-card' },
        el('h3', null, 'Next: ' + a.label + (a.topic ? ' on ' + a.topic : '') + ' (score ' + a.score + ')'),
        list(a.reasons.filter((r) => r.contribution !== 0).slice(0, 3).map((r) => (r.contribution > 0 ? '+' : '') + r.contribution + ' ' + label(r.signal) + ': ' + r.sentence)),
        output.blocked.length ? el('div', { className: 'meta' }, 'Not allowed: ' + output.blocked.map((b) => label(b.kind) + ' (' + b.failedGates.map((g) => g.reason).join('; ') + ')').join('; ')) : null,
        el('div', { className: 'cite' }, 'recommendation ' + output.recommendationId));
    },
    check_consent(output) {
      if (output.status !== 'answered') return el('div', { className: 'card blocked' }, output.message);
      return el('div', { className: 'card' + (output.allowed ? '' : ' blocked'), testid: 'consent-card' },
        el('h3', null, (output.allowed ? 'Allowed: ' : 'Not allowed: ') + label(output.channel) + ' (' + output.purpose + ')'),
        el('div', null, output.reason + (output.record ? ' (record ' + output.record.id + ')' : '')),
        output.alternatives.length ? list(output.alternatives.map((a) => label(a.channel) + ': ' + a.reason)) : null);
    },
    draft_followup(output) {
      if (output.status !== 'drafted') return el('div', { className: 'card blocked' }, 'Not drafted: ' + output.message);
      return el('div', { className: 'card', testid: 'draft-card' },
        el('h3', null, 'Draft ' + label(output.channel) + ' (approved modules only)'),
        list(output.sentences.map((s) => el('span', null, s.text + ' ', el('span', { className: 'cite' }, '[' + s.moduleId + '@' + s.version + ']')))),
        el('div', { className: 'cite' }, 'draft ' + output.draftId));
    },
    plan_territory(output) {
      return el('div', { className: 'card', testid: 'plan-card' },
        el('h3', null, 'Who to see (' + output.hcpsConsidered + ' HCPs considered)'),
        list(output.entries.map((e) => e.rank + '. ' + e.hcp.name + ' — ' + e.action.label + ': ' + e.topReason)),
        el('div', { className: 'cite' }, 'plan ' + output.planId));
    },
    search_approved_content(output) {
      if (output.status !== 'found') return el('div', { className: 'card blocked' }, output.message);
      return el('div', { className: 'card', testid: 'content-card' }, el('h3', null, 'Approved content'), list(output.results.map((r) => r.title + ' [' + r.id + '@' + r.version + ', ' + r.mlrCode + ']')));
    },
  };

  async function ask(question) {
    const turn = el('div', { className: 'turn', testid: 'turn' }, el('div', { className: 'question' }, question));
    const answer = el('div', { className: 'answer', testid: 'answer' }, '…');
    turn.append(answer);
    $('turns').prepend(turn);
    try {
      const response = await fetch('/v1/ask', { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer ' + token }, body: JSON.stringify({ question, threadId }) });
      const body = await response.json();
      if (!response.ok) {
        answer.className = 'answer error';
        answer.textContent = body.error ? body.error.code + ': ' + body.error.message : 'request failed';
        if (response.status === 401) signOut();
        return;
      }
      answer.textContent = body.answer;
      // A clarifying question: each choice is a complete question, sent as if typed; an answer's buttons work once.
      if (body.choices && body.choices.length) {
        const buttons = body.choices.map((choice) => {
          const button = el('button', { className: 'choice', testid: 'choice' }, choice);
          button.type = 'button';
          button.addEventListener('click', () => {
            for (const other of buttons) other.disabled = true;
            button.classList.add('chosen');
            ask(choice);
          });
          return button;
        });
        turn.append(el('div', { className: 'choices', testid: 'choices' }, ...buttons));
      }
      // A demo database answered past the end of its data: said once, under the answer.
      if (body.demoAsOf) turn.append(el('div', { className: 'footer demo-as-of', testid: 'demo-as-of' }, 'Demo data as of ' + body.demoAsOf + '.'));
      for (const call of body.toolCalls) {
        const draw = call.status === 'ok' && cards[call.name];
        if (draw) turn.append(draw(call.output));
      }
      // Charts as images (a blob URL in <img>): an SVG shown this way runs no script and loads nothing.
      for (const chart of body.charts || []) {
        const image = el('img', { className: 'chart' });
        image.alt = chart.alt;
        image.title = chart.title;
        image.src = URL.createObjectURL(new Blob([chart.svg], { type: 'image/svg+xml' }));
        turn.append(el('figure', { className: 'card', testid: 'chart' }, image));
      }
      turn.append(el('div', { className: 'footer' }, body.model + ' · prompt ' + body.prompt.name + ' ' + body.prompt.sha256.slice(0, 12)));
    } catch (error) {
      answer.className = 'answer error';
      answer.textContent = 'The server could not be reached.';
    }
  }

  function signedIn(name) {
    $('who').textContent = name;
    $('signin').hidden = true;
    $('ask').hidden = false;
    $('question').focus();
  }
  function signOut() {
    token = '';
    sessionStorage.removeItem('omni-token');
    $('who').textContent = 'not signed in';
    $('signin').hidden = false;
    $('ask').hidden = true;
  }

  $('signin').addEventListener('submit', async (event) => {
    event.preventDefault();
    token = $('token').value.trim();
    const response = await fetch('/v1/whoami', { headers: { authorization: 'Bearer ' + token } });
    if (!response.ok) { $('who').textContent = 'that token was not accepted'; return; }
    const me = await response.json();
    sessionStorage.setItem('omni-token', token);
    signedIn(me.name + ' (' + label(me.role) + ')');
  });
  $('ask').addEventListener('submit', (event) => {
    event.preventDefault();
    const question = $('question').value.trim();
    if (!question) return;
    $('question').value = '';
    ask(question);
  });
  if (token) fetch('/v1/whoami', { headers: { authorization: 'Bearer ' + token } }).then((r) => (r.ok ? r.json().then((me) => signedIn(me.name + ' (' + label(me.role) + ')')) : signOut()));
})();
`;

const sha256Source = (text: string): string => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/**
 * The page's Content-Security-Policy: its one script and one style by hash (no 'unsafe-inline', so an
 * injected inline script or handler does not run), requests to its own origin only, images from blob:
 * URLs only (the charts), no <base>, no form posts, and no framing (clickjacking).
 */
export const WEB_CHAT_PAGE_POLICY = [
  "default-src 'none'",
  `script-src ${sha256Source(PAGE_SCRIPT)}`,
  `style-src ${sha256Source(PAGE_STYLE)}`,
  "connect-src 'self'",
  'img-src blob:',
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The web chat page served at `/`: sign in with a token, ask, and see the answer with the same cards
 * as in Slack (profile, next best action, consent, draft with its citations, plan, content), and a
 * clarifying question's choices as buttons that ask them in the same thread. One static page; every
 * piece of data is set with textContent, never as HTML, so nothing from a note or a module can run in
 * the page. Its Content-Security-Policy (WEB_CHAT_PAGE_POLICY, sent as a header) allows exactly its
 * own inline style and script, by their sha256, and nothing inline besides.
 */
export function webChatPage(): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Omni</title>
<style>${PAGE_STYLE}</style>
</head>
<body>
<header><h1>Omni</h1><small id="who">not signed in</small></header>
<main>
  <p class="synthetic">Demo data: every HCP, note and behaviour here is synthetic. Product names and label text are real.</p>
  <form id="signin" data-testid="signin">
    <input type="password" id="token" placeholder="API token (printed by npm start, or omni token create --as &lt;user-id&gt;)" autocomplete="off" data-testid="token">
    <button type="submit">Sign in</button>
  </form>
  <form id="ask" data-testid="ask" hidden>
    <input type="text" id="question" placeholder="Ask: brief me on Dr. Reyes · who should I see this week? · can I email her?" data-testid="question">
    <button type="submit">Ask</button>
  </form>
  <div id="turns" data-testid="turns"></div>
</main>
<script>${PAGE_SCRIPT}</script>
</body>
</html>`;
}
