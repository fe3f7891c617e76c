// One channel: videos by stage, cost by category over time, budget burn, its series and
// its videos, each leading to the video's detail.
import { after, all, get } from '../api.js';
import { refreshed } from '../feed.js';
import { Chart, seriesChart } from '../chart.js';
import { exportButtons } from '../exports.js';
import { cards, count, dollars, el, percent, time } from '../format.js';
import { Table } from '../table.js';

const CATEGORIES = ['SCRIPT', 'VOICE', 'IMAGES', 'RENDER', 'STORAGE', 'PUBLISH'];
const DAY = 24 * 3600 * 1000;

export async function channel(view, { params: [channelId], feed }) {
	const [summary, videos] = await Promise.all([get(`/api/v1/channels/${encodeURIComponent(channelId)}`),
		all(`/api/v1/channels/${encodeURIComponent(channelId)}/videos`)]);
	const burn = summary.dailyBudgetMicros ? summary.spentTodayMicros / summary.dailyBudgetMicros : null;
	const stages = Object.entries(summary.videosByStage);
	const most = Math.max(1, ...stages.map(([, n]) => n));
	view.append(
		el('p', {}, el('a', { href: '#/channels' }, 'Channels'), ' › ', summary.name),
		el('h2', {}, `${summary.name} (${summary.niche}, ${summary.status})`),
		cards([
			['Videos', count(summary.videosTotal), { 'data-field': 'videosTotal' }],
			['Published', count(summary.published)],
			['Failed', count(summary.failed)],
			['Total cost', dollars(summary.totalCostMicros), { 'data-field': 'totalCostMicros' }],
			['Cost per video (cap ' + dollars(summary.costCapMicros) + ')', dollars(summary.avgCostMicros)],
			['Videos over their cap', `${count(summary.videosOverCap)} (${percent(summary.overCapShare)})`],
			['Budget burn today', `${dollars(summary.spentTodayMicros)} of ${dollars(summary.dailyBudgetMicros)} (${percent(burn)})`,
				{ class: burn > 1 ? 'over' : 'under', 'data-field': 'burn' }],
		]),
		el('section', { 'aria-labelledby': 'stages-title' }, el('h3', { id: 'stages-title' }, 'Videos by stage'),
			exportButtons(`stages-${channelId}`, () => ['stage', 'videos'], () => stages.map(([stage, videos]) => ({ stage, videos }))),
			el('table', { class: 'stages' }, el('tbody', {}, stages.map(([stage, n]) => el('tr', {}, el('th', { scope: 'row' }, stage),
				el('td', { class: 'num' }, String(n)), el('td', {}, el('span', { class: 'bar', style: `width:${(n / most) * 12}rem` }))))))));

	const today = new Date(new Date().toISOString().slice(0, 10) + 'T00:00:00Z');
	const costs = new Chart({
		title: 'Cost by category per day ($)',
		labels: CATEGORIES,
		name: `costs-${channelId}`,
		from: new Date(+today - 30 * DAY),
		to: new Date(+today + DAY),
		query: async (range) => {
			const answer = await get(`/api/v1/costs?channelId=${encodeURIComponent(channelId)}&period=day&from=${range.from.toISOString().slice(0, 10)}&to=${range.to.toISOString().slice(0, 10)}`);
			const days = [...new Set(answer.totals.map((total) => total.period))].sort();
			const columns = [days.map((day) => Date.parse(`${day}T00:00:00Z`) / 1000),
				...CATEGORIES.map((category) => days.map((day) => answer.totals
					.filter((total) => total.period === day && total.category === category)
					.reduce((sum, total) => sum + total.totalMicros / 1e6, 0)))];
			return { columns, rows: answer.totals, bucketMinutes: 1440 };
		},
	});
	const to = new Date(Math.ceil(Date.now() / 60000) * 60000);
	const series = seriesChart({ title: 'Cost per minute', metric: 'cost', channelId, from: new URLSearchParams(location.search).get('from') || new Date(+to - 7 * DAY),
		to: new URLSearchParams(location.search).get('to') || to, scale: 1e6, unit: '$' });
	const table = new Table([
		{ key: 'title', label: 'Video', render: (row) => el('a', { href: `#/videos/${encodeURIComponent(row.videoId)}` }, row.title) },
		{ key: 'stage', label: 'Stage' },
		{ key: 'totalCostMicros', label: 'Cost', numeric: true, render: (row) => dollars(row.totalCostMicros) },
		{ key: 'publishAt', label: 'Publish at', render: (row) => time(row.publishAt) },
		{ key: 'scheduledAt', label: 'Scheduled', render: (row) => time(row.scheduledAt) },
	], { name: `videos-${channelId}`, caption: 'Videos of this channel', sort: 'scheduledAt', order: 'desc',
		filter: (row, text) => `${row.title} ${row.stage}`.toLowerCase().includes(text) });
	table.setRows(videos);
	view.append(el('section', { 'aria-label': 'Costs' }, costs.element, series.element),
		el('section', { 'aria-labelledby': 'videos-title' }, el('h3', { id: 'videos-title' }, 'Videos'), table.element));
	await Promise.all([costs.ready, series.ready]);

	let pending = null;
	let latest = null;
	const unsubscribe = feed.subscribe((event) => {
		if (event.data.channelId !== channelId) {
			return;
		}
		latest = Math.max(latest ?? 0, event.data.position);
		if (!pending) {
			const received = performance.now();
			pending = setTimeout(async () => {
				pending = null;
				await refreshed(all(after(`/api/v1/channels/${encodeURIComponent(channelId)}/videos`, latest))
					.then((rows) => table.setRows(rows)), received);
			}, 250);
		}
	});
	return () => {
		unsubscribe();
		clearTimeout(pending);
	};
}
