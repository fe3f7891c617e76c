// The console: signs in with an API key, routes between pages by the URL's hash, and
// keeps one live feed open for the pages to listen to.
import { ApiError, apiKey, forget, get, remember } from './api.js';
import { Feed } from './feed.js';
import { announce, el } from './format.js';
import { overview } from './pages/overview.js';
import { channels } from './pages/channels.js';
import { channel } from './pages/channel.js';
import { video } from './pages/video.js';
import { operations } from './pages/operations.js';

const ROUTES = [
	[/^#\/overview$/, overview, 'Overview'],
	[/^#\/channels$/, channels, 'Channels'],
	[/^#\/channels\/([^/]+)$/, channel, 'Channel'],
	[/^#\/videos\/([^/]+)$/, video, 'Video'],
	[/^#\/operations$/, operations, 'Operations', 'admin'],
];

const ROLES = ['viewer', 'operator', 'admin'];

const page = document.getElementById('page');
const form = document.getElementById('sign-in');
const feedState = document.getElementById('feed-state');
const feed = new Feed((state) => {
	feedState.textContent = `live feed: ${state}`;
	feedState.dataset.state = state;
});
let session = null;
let leave = () => {};

export const allows = (role) => session && ROLES.indexOf(session.role) >= ROLES.indexOf(role);

async function signIn(key) {
	remember(key);
	try {
		session = await get('/api/v1/session');
	} catch (error) {
		forget();
		session = null;
		throw error;
	}
	document.getElementById('who').textContent = `${session.name} (${session.role})`;
	document.querySelectorAll('[data-role]').forEach((link) => { link.hidden = !allows(link.dataset.role); });
	document.querySelector('header nav').hidden = false;
	document.querySelector('header .who').hidden = false;
	form.hidden = true;
	feed.start();
}

function signOut() {
	forget();
	session = null;
	feed.stop();
	leave();
	page.replaceChildren();
	document.querySelector('header nav').hidden = true;
	document.querySelector('header .who').hidden = true;
	form.hidden = false;
	document.getElementById('api-key').focus();
}

async function route() {
	if (!session) {
		return;
	}
	const hash = location.hash || '#/overview';
	const match = ROUTES.map(([pattern, render, title, role]) => ({ found: pattern.exec(hash), render, title, role }))
		.find((candidate) => candidate.found);
	leave();
	leave = () => {};
	const view = el('div', { 'data-page': match ? match.title.toLowerCase() : 'missing' });
	page.replaceChildren(view);
	document.querySelectorAll('header nav a').forEach((link) =>
		link.toggleAttribute('aria-current', hash.startsWith(link.getAttribute('href'))));
	if (!match || (match.role && !allows(match.role))) {
		view.append(el('h2', {}, 'Not found'), el('p', {}, 'There is no such page for your role.'));
		return;
	}
	document.title = `${match.title} · YTEmpire console`;
	const started = performance.now();
	try {
		const cleanup = await match.render(view, { params: match.found.slice(1).map(decodeURIComponent), feed, allows });
		leave = typeof cleanup === 'function' ? cleanup : () => {};
		view.dataset.ready = 'true';
		performance.measure('page-render', { start: started, end: performance.now(), detail: match.title });
		announce(`${match.title} loaded`);
	} catch (error) {
		view.append(el('p', { class: 'error', role: 'alert' }, error instanceof ApiError ? error.message : `Could not load: ${error}`));
	}
}

form.addEventListener('submit', async (event) => {
	event.preventDefault();
	const error = document.getElementById('sign-in-error');
	error.textContent = '';
	try {
		await signIn(document.getElementById('api-key').value.trim());
		document.getElementById('api-key').value = '';
		await route();
		document.getElementById('main').focus();
	} catch (failure) {
		error.textContent = failure.status === 401 ? 'That API key is not valid.' : `Sign-in failed: ${failure.message}`;
	}
});
document.getElementById('sign-out').addEventListener('click', signOut);
window.addEventListener('signed-out', signOut);
window.addEventListener('hashchange', route);

(async () => {
	if (apiKey()) {
		try {
			await signIn(apiKey());
			await route();
			return;
		} catch {
			// fall through to the form
		}
	}
	signOut();
})();
