// Every channel at once (the platform runs 100+), sorted and filtered in the page.
import { after, all } from '../api.js';
import { refreshed } from '../feed.js';
import { dollars, el, time } from '../format.js';
import { Table } from '../table.js';

export async function channels(view, { feed }) {
	const status = el('select', { id: 'channel-status', onchange: () => table.refresh() },
		['', 'ACTIVE', 'PAUSED', 'ARCHIVED'].map((value) => el('option', { value }, value || 'any status')));
	const table = new Table([
		{ key: 'name', label: 'Channel', render: (row) => el('a', { href: `#/channels/${encodeURIComponent(row.channelId)}` }, row.name) },
		{ key: 'niche', label: 'Niche' },
		{ key: 'status', label: 'Status' },
		{ key: 'videosTotal', label: 'Videos', numeric: true },
		{ key: 'published', label: 'Published', numeric: true },
		{ key: 'failed', label: 'Failed', numeric: true },
		{ key: 'totalCostMicros', label: 'Total cost', numeric: true, render: (row) => dollars(row.totalCostMicros) },
		{ key: 'avgCostMicros', label: 'Cost per video', numeric: true, render: (row) => dollars(row.avgCostMicros) },
		{ key: 'lastActivity', label: 'Last activity', render: (row) => time(row.lastActivity) },
	], {
		name: 'channels',
		caption: 'Channels',
		sort: 'name',
		filter: (row, text) => `${row.name} ${row.niche}`.toLowerCase().includes(text),
		extraFilter: (row) => !status.value || row.status === status.value,
		tools: [el('label', { for: 'channel-status' }, 'Status'), status],
	});
	view.append(el('h2', {}, 'Channels'), table.element);
	const load = async (position) => table.setRows(await all(after('/api/v1/channels', position)));
	await load();
	// A channel's figures change with its videos' events: reload once per burst.
	let pending = null;
	let latest = null;
	const unsubscribe = feed.subscribe((event) => {
		latest = Math.max(latest ?? 0, event.data.position);
		if (!pending) {
			const received = performance.now();
			pending = setTimeout(async () => {
				pending = null;
				await refreshed(load(latest), received);
			}, 250);
		}
	});
	return () => {
		unsubscribe();
		clearTimeout(pending);
	};
}
