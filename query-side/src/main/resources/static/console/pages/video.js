// One video: its stage timeline, its costs, its audit history (event replay) and, once
// rendered, the MP4 itself.
import { ApiError, after, get, objectUrl, post } from '../api.js';
import { refreshed } from '../feed.js';
import { cards, dollars, el, time } from '../format.js';
import { Table } from '../table.js';

export async function video(view, { params: [videoId], feed, allows }) {
	const [detail, audit] = await Promise.all([get(`/api/v1/videos/${encodeURIComponent(videoId)}`),
		get(`/api/v1/audit/${encodeURIComponent(videoId)}`)]);
	const timeline = el('ol', { class: 'timeline', 'aria-label': 'Stage timeline' });
	const costs = new Table([
		{ key: 'category', label: 'Category' },
		{ key: 'amountMicros', label: 'Amount', numeric: true, render: (row) => dollars(row.amountMicros) },
		{ key: 'provider', label: 'Provider' },
		{ key: 'units', label: 'Units', numeric: true },
		{ key: 'recordedAt', label: 'Recorded', render: (row) => time(row.recordedAt) },
	], { name: `costs-${videoId}`, caption: 'Cost items', filter: (row, text) => `${row.category} ${row.provider}`.toLowerCase().includes(text) });
	const history = new Table([
		{ key: 'sequence', label: '#', numeric: true },
		{ key: 'type', label: 'Event' },
		{ key: 'timestamp', label: 'When', render: (row) => time(row.timestamp) },
		{ key: 'issuedBy', label: 'Issued by' },
		{ key: 'position', label: 'Position', numeric: true },
	], { name: `audit-${videoId}`, caption: 'Audit history', filter: (row, text) => `${row.type} ${row.issuedBy}`.toLowerCase().includes(text) });
	const figures = el('div');
	// Operators may stop a video still in production; the page changes when the feed says
	// it was cancelled.
	const actions = el('div', { class: 'tools' });
	const outcome = el('span', { role: 'status' });
	const cancel = el('button', { type: 'button', id: 'cancel-video', onclick: async () => {
		try {
			await post(`/api/v1/videos/${encodeURIComponent(videoId)}/cancel`, { reason: 'cancelled from the console' });
			outcome.textContent = 'Cancellation sent';
		} catch (error) {
			outcome.textContent = error instanceof ApiError ? error.message : String(error);
		}
	} }, 'Cancel this video');
	const player = el('div', { class: 'player' });

	const show = (current, events) => {
		figures.replaceChildren(cards([
			['Stage', current.stage, { 'data-field': 'stage' }],
			['Total cost', dollars(current.totalCostMicros), { 'data-field': 'totalCostMicros', class: current.totalCostMicros > current.costCapMicros ? 'over' : 'under' }],
			['Cost cap', dollars(current.costCapMicros)],
			['Publish at', time(current.publishAt)],
			['Length', `${current.targetLengthSeconds} s planned · ${current.video ? `${(current.video.durationMillis / 1000).toFixed(1)} s produced` : 'not rendered yet'}`, { 'data-field': 'length' }],
			['Render path', current.renderPath || '—'],
			['Failure', current.failureReason || '—'],
		]));
		timeline.replaceChildren(...current.stages.map((stage) => el('li', {}, el('strong', {}, stage.stage), ` ${time(stage.enteredAt)}`,
			stage.durationMillis !== undefined ? ` (${(stage.durationMillis / 1000).toFixed(1)} s)` : '')));
		costs.setRows(current.costs);
		const producing = !['PUBLISHED', 'FAILED', 'CANCELLED', 'HALTED'].includes(current.stage);
		actions.replaceChildren(...(allows('operator') && producing ? [cancel, outcome] : []));
		history.setRows(events.events);
	};
	show(detail, audit);
	view.append(
		el('p', {}, el('a', { href: '#/channels' }, 'Channels'), ' › ',
			el('a', { href: `#/channels/${encodeURIComponent(detail.channelId)}` }, detail.channelId), ' › ', detail.title),
		el('h2', {}, detail.title), figures, actions,
		el('section', { 'aria-labelledby': 'timeline-title' }, el('h3', { id: 'timeline-title' }, 'Stages'), timeline),
		el('section', { 'aria-labelledby': 'costs-title' }, el('h3', { id: 'costs-title' }, 'Costs'), costs.element),
		el('section', { 'aria-labelledby': 'player-title' }, el('h3', { id: 'player-title' }, 'Rendered video'), player),
		el('section', { 'aria-labelledby': 'audit-title' }, el('h3', { id: 'audit-title' }, 'Audit history'), history.element));

	let mediaUrl = null;
	const play = async (current) => {
		if (!current.video || mediaUrl) {
			if (!current.video) {
				player.replaceChildren(el('p', {}, 'Not rendered yet.'));
			}
			return;
		}
		// A <video> element cannot send a Bearer header: the file comes as a blob.
		mediaUrl = await objectUrl(`/api/v1/media/${encodeURIComponent(current.video.contentHash)}`);
		player.replaceChildren(el('video', { controls: true, preload: 'metadata', src: mediaUrl, width: '640',
			'aria-label': `Rendered video: ${current.title}` }));
	};
	await play(detail);

	let pending = null;
	let latest = null;
	const unsubscribe = feed.subscribe((event) => {
		if (event.data.videoId !== videoId) {
			return;
		}
		latest = Math.max(latest ?? 0, event.data.position);
		if (!pending) {
			const received = performance.now();
			pending = setTimeout(() => {
				pending = null;
				refreshed(Promise.all([get(after(`/api/v1/videos/${encodeURIComponent(videoId)}`, latest)),
					get(`/api/v1/audit/${encodeURIComponent(videoId)}`)]).then(([current, events]) => {
					show(current, events);
					return play(current);
				}), received);
			}, 200);
		}
	});
	return () => {
		unsubscribe();
		clearTimeout(pending);
		if (mediaUrl) {
			URL.revokeObjectURL(mediaUrl);
		}
	};
}
