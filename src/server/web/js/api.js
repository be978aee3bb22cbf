// The page's side of docs/http-api.md. Events are read with fetch rather than EventSource because EventSource
// cannot send the Authorization header a server with API keys requires.

const TERMINAL = new Set(['succeeded', 'failed']);

/** An HTTP error carrying the problem document (RFC 9457) the API answered with. */
export class ApiError extends Error {
  constructor(problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${problem.status}`);
    this.problem = problem;
  }
}

export function createApi(getKey) {
  const headers = (extra = {}) => {
    const key = getKey();
    return key ? { ...extra, authorization: `Bearer ${key}` } : extra;
  };

  const request = async (path, init = {}) => {
    const response = await fetch(path, { ...init, headers: headers(init.headers) });
    if (!response.ok) throw await toError(response);
    return response;
  };

  return {
    /** Starts a job: 202 with { id, status, links }. */
    async submit(body) {
      const response = await request('v1/generations', {
        method: 'POST',
        headers: { 'content-type': 'application/json', prefer: 'respond-async' },
        body: JSON.stringify(body),
      });
      return response.json();
    },

    async job(id) {
      return (await request(`v1/generations/${encodeURIComponent(id)}`)).json();
    },

    /**
     * Follows a job's events until its final status, reconnecting with Last-Event-ID when the stream drops
     * (a restarting server closes it on purpose).
     * @param {string} id
     * @param {(event: { type: string, id: number, data: any }) => void} onEvent
     * @param {AbortSignal} signal
     */
    async follow(id, onEvent, signal) {
      let last = 0;
      for (let attempt = 0; attempt < 30; attempt++) {
        const response = await request(`v1/generations/${encodeURIComponent(id)}/events`, {
          headers: { accept: 'text/event-stream', ...(last ? { 'last-event-id': String(last) } : {}) },
          signal,
        });
        for await (const event of readEvents(response.body)) {
          if (event.type === 'error') throw new ApiError(event.data);
          if (event.id) last = event.id;
          onEvent(event);
          if (event.type === 'status' && TERMINAL.has(event.data.status)) return;
        }
        await new Promise((resolve) => setTimeout(resolve, 2000));
      }
      throw new Error('The event stream kept dropping; reload the page to see the job.');
    },

    /** The project as a zip, saved through a temporary link (a plain link could not carry the API key). */
    async download(id) {
      const response = await request(`v1/generations/${encodeURIComponent(id)}/archive`);
      const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? 'project.zip';
      const url = URL.createObjectURL(await response.blob());
      const link = Object.assign(document.createElement('a'), { href: url, download: name });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      return name;
    },
  };
}

async function toError(response) {
  let problem;
  try {
    problem = await response.json();
  } catch {
    problem = { status: response.status, title: response.statusText, detail: `HTTP ${response.status} ${response.statusText}` };
  }
  return new ApiError({ status: response.status, ...problem });
}

/** Server-sent events from a byte stream (the text/event-stream format, as far as this API uses it). */
async function* readEvents(body) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value.replace(/\r\n?/g, '\n');
    let cut;
    while ((cut = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, cut);
      buffer = buffer.slice(cut + 2);
      const fields = { event: 'message', data: [] };
      for (const line of block.split('\n')) {
        if (!line || line.startsWith(':')) continue;
        const colon = line.indexOf(':');
        const key = colon < 0 ? line : line.slice(0, colon);
        const val = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (key === 'data') fields.data.push(val);
        else fields[key] = val;
      }
      if (!fields.data.length) continue;
      yield { type: fields.event, id: Number(fields.id) || 0, data: JSON.parse(fields.data.join('\n')) };
    }
  }
}
