// Calls to the product's HTTP API with the signed-in API key as a Bearer token. The key
// lives in sessionStorage: it is gone when the tab closes.
const KEY = 'ytempire.apiKey';

export class ApiError extends Error {
	constructor(status, detail) {
		super(detail || `HTTP ${status}`);
		this.status = status;
	}
}

export function apiKey() {
	return sessionStorage.getItem(KEY);
}

export function remember(key) {
	sessionStorage.setItem(KEY, key);
}

export function forget() {
	sessionStorage.removeItem(KEY);
}

export function authorization() {
	return { Authorization: `Bearer ${apiKey()}` };
}

async function call(method, path, body) {
	const headers = { ...authorization(), Accept: 'application/json' };
	if (body !== undefined) {
		headers['Content-Type'] = 'application/json';
	}
	const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
	if (!response.ok) {
		let detail;
		try {
			detail = (await response.json()).detail;
		} catch {
			detail = response.statusText;
		}
		if (response.status === 401) {
			window.dispatchEvent(new CustomEvent('signed-out'));
		}
		throw new ApiError(response.status, detail);
	}
	return response.status === 204 ? null : response.json();
}

export const get = (path) => call('GET', path);

/**
 * The path, asking the read side to answer only once its projections hold the event at
 * position (a feed event's): a refresh after an event then shows that event's effect.
 */
export const after = (path, position) =>
	(position === null || position === undefined ? path : `${path}${path.includes('?') ? '&' : '?'}minPosition=${position}`);
export const post = (path, body) => call('POST', path, body);

/** Every page of a cursor-paged list. */
export async function all(path, limit = 500) {
	const items = [];
	let cursor = null;
	do {
		const separator = path.includes('?') ? '&' : '?';
		const page = await get(`${path}${separator}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
		items.push(...page.items);
		cursor = page.nextCursor;
	} while (cursor);
	return items;
}

/** A fetched binary as an object URL: media elements cannot send a Bearer header. */
export async function objectUrl(path) {
	const response = await fetch(path, { headers: authorization() });
	if (!response.ok) {
		throw new ApiError(response.status, response.statusText);
	}
	return URL.createObjectURL(await response.blob());
}
