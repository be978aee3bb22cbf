// Live progress of a job from its server-sent events: one line per pipeline node, a status line that screen
// readers announce, and the raw event log for the curious.
import { fill, h } from './dom.js';

const NODES = ['extract', 'relationships', 'indexes', 'tenancy', 'migration', 'validate'];

export function createProgress({ status, nodes, log }) {
  const rows = new Map();
  const say = (text) => (status.textContent = text);

  return {
    reset(text) {
      rows.clear();
      fill(nodes, NODES.map((node) => {
        const state = h('span', { class: 'state' }, 'waiting');
        const detail = h('span', { class: 'detail' });
        const li = h('li', { class: 'node', 'data-node': node, 'data-state': 'waiting' }, h('span', { class: 'name' }, node), state, detail);
        rows.set(node, { li, state, detail });
        return li;
      }));
      fill(log);
      say(text);
    },

    /** @param {{ type: string, data: any }} event */
    onEvent({ type, data }) {
      const round = Number.isInteger(data.round) ? data.round + 1 : null;
      const row = rows.get(data.node);
      let line;
      if (type === 'status') {
        line = `Job ${data.status}${data.summary ? `: ${data.summary}` : ''}`;
        say(line);
      } else if (type === 'node-started' && row) {
        set(row, 'running', `running${round > 1 ? ` (round ${round})` : ''}`, '');
        line = `${data.node} started${round ? ` (round ${round})` : ''}`;
        say(`Running ${data.node}${round > 1 ? `, round ${round}` : ''}…`);
      } else if (type === 'node-finished' && row) {
        set(row, 'done', `done in ${Math.round(data.ms ?? 0)} ms`, data.summary ?? '');
        line = `${data.node} finished in ${Math.round(data.ms ?? 0)} ms: ${data.summary ?? ''}`;
      } else if (type === 'findings') {
        line = `Validation round ${round}: ${data.errors ?? 0} error(s), ${data.warnings ?? 0} warning(s)`;
        say(line);
      } else if (type === 'round') {
        line = data.routedTo ? `Round ${round} found problems; repairing from ${data.routedTo}` : `Round ${round} closed`;
      } else line = `${type}: ${JSON.stringify(data)}`;
      log.append(h('li', null, line));
    },

    say,
  };
}

function set(row, state, text, detail) {
  row.li.dataset.state = state;
  row.state.textContent = text;
  row.detail.textContent = detail;
}
