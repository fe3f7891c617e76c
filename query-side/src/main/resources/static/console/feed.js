// The live feed. EventSource cannot send an Authorization header, so the stream is read
// with fetch and parsed here; a reconnect sends Last-Event-ID so no event is missed.
import { authorization } from './api.js';

/** Times a refresh that events caused; a failed one leaves the figures as they were until the next event. */
export async function refreshed(refresh, received) {
	try {
		await refresh;
		performance.measure('data-refresh', { start: received, end: performance.now() });
	} catch (error) {
		console.warn('Refresh failed', error);
	}
}

export class Feed {
	constructor(onState) {
		this.listeners = new Set();
		this.onState = onState;
		this.lastEventId = null;
		this.controller = null;
	}

	subscribe(listener) {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	}

	start() {
		if (this.controller) {
			return;
		}
		this.controller = new AbortController();
		this.run(this.controller.signal);
	}

	stop() {
		this.controller?.abort();
		this.controller = null;
		this.onState('offline');
	}

	async run(signal) {
		let backoff = 500;
		while (!signal.aborted) {
			try {
				const headers = { ...authorization(), Accept: 'text/event-stream' };
				if (this.lastEventId !== null) {
					headers['Last-Event-ID'] = this.lastEventId;
				}
				const response = await fetch('/api/v1/feed', { headers, signal, cache: 'no-store' });
				if (response.status === 401) {
					window.dispatchEvent(new CustomEvent('signed-out'));
					return;
				}
				if (!response.ok) {
					throw new Error(`feed answered ${response.status}`);
				}
				this.onState('live');
				backoff = 500;
				await this.read(response.body, signal);
			} catch (error) {
				if (signal.aborted) {
					return;
				}
			}
			// The stream ended or failed: wait (longer each time, at most 15 s) and resume.
			this.onState('reconnecting');
			await new Promise((resolve) => setTimeout(resolve, backoff));
			backoff = Math.min(backoff * 2, 15000);
		}
	}

	async read(body, signal) {
		const reader = body.pipeThrough(new TextDecoderStream()).getReader();
		let buffer = '';
		while (!signal.aborted) {
			const { value, done } = await reader.read();
			if (done) {
				return;
			}
			buffer += value;
			const blocks = buffer.split(/\r\n\r\n|\n\n|\r\r/);
			buffer = blocks.pop();
			blocks.forEach((block) => this.dispatch(block));
		}
	}

	dispatch(block) {
		let id = null;
		let type = 'message';
		const data = [];
		for (const line of block.split(/\r\n|\n|\r/)) {
			if (line === '' || line.startsWith(':')) {
				continue;
			}
			const colon = line.indexOf(':');
			const field = colon < 0 ? line : line.slice(0, colon);
			const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
			if (field === 'id') {
				id = value;
			} else if (field === 'event') {
				type = value;
			} else if (field === 'data') {
				data.push(value);
			}
		}
		if (id !== null) {
			this.lastEventId = id;
		}
		if (data.length === 0) {
			return;
		}
		const event = { type, id, data: JSON.parse(data.join('\n')) };
		this.listeners.forEach((listener) => listener(event));
	}
}
