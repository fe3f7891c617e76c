// The platform at a glance: the figures the operations dashboards open with, the render
// queue, event store and projection health, series of the last day, and the live feed.
import { after, all, get } from '../api.js';
import { seriesChart } from '../chart.js';
import { refreshed } from '../feed.js';
import { cards, count, dollars, el, time } from '../format.js';

export const COST_CAP_MICROS = 500000;

const PRODUCTION_STAGES = ['SCHEDULED', 'SCRIPT_READY', 'VOICE_READY', 'IMAGES_READY', 'RENDERING', 'RENDERED'];

const figure = (label, field, value, shown, extra = {}) => [label, shown, { 'data-field': field, 'data-value': value ?? '', ...extra }];

export async function overview(view, { feed }) {
	const figures = el('div');
	const health = el('div');
	const events = el('ol', { class: 'live', 'aria-label': 'Latest events' });
	view.append(el('h2', {}, 'Platform overview'), figures,
		el('section', { 'aria-labelledby': 'health-title' }, el('h2', { id: 'health-title' }, 'Event store and projections'), health));

	const render = async (position) => {
		const [summary, channelList, platform] = await Promise.all([get(after('/api/v1/overview', position)),
			all(after('/api/v1/channels', position)), get('/api/v1/console/health')]);
		const queue = channelList.reduce((sum, channel) =>
			sum + PRODUCTION_STAGES.reduce((n, stage) => n + (channel.videosByStage?.[stage] || 0), 0), 0);
		const perVideo = summary.costPerVideoLastHourMicros;
		const overCap = perVideo !== null && perVideo > COST_CAP_MICROS;
		figures.replaceChildren(cards([
			figure('Active channels', 'activeChannels', summary.activeChannels, count(summary.activeChannels)),
			figure('Videos generated today', 'videosGeneratedToday', summary.videosGeneratedToday, count(summary.videosGeneratedToday)),
			figure('Videos scheduled today', 'videosScheduledToday', summary.videosScheduledToday, count(summary.videosScheduledToday)),
			figure('Cost per video, last hour (cap $0.50)', 'costPerVideoLastHourMicros', perVideo,
				perVideo === null ? 'no videos' : `${dollars(perVideo)} ${overCap ? 'over cap' : 'within cap'}`, { class: overCap ? 'over' : 'under' }),
			figure('Failures today', 'failuresToday', summary.failuresToday, count(summary.failuresToday)),
			figure('Failures, last hour', 'failuresLastHour', summary.failuresLastHour, count(summary.failuresLastHour)),
			figure('Render queue (videos in production)', 'renderQueue', queue, count(queue)),
			figure('Cost today', 'costTodayMicros', summary.costTodayMicros, dollars(summary.costTodayMicros)),
		]), el('p', {}, `As of ${time(summary.asOf)}`));
		const lagging = platform.processors.filter((processor) => processor.lagSeconds > 60);
		health.replaceChildren(cards([
			figure('Event store head position', 'eventStoreHead', platform.eventStoreHead, count(platform.eventStoreHead)),
			figure('Projections behind by more than 60 s', 'laggingProjections', lagging.length, count(lagging.length),
				{ class: lagging.length ? 'over' : 'under' }),
			figure('Largest projection lag (events)', 'maxLagEvents', Math.max(0, ...platform.processors.map((p) => p.lagEvents)),
				count(Math.max(0, ...platform.processors.map((p) => p.lagEvents)))),
			figure('Sagas in progress', 'sagasLive', platform.sagasLive, count(platform.sagasLive)),
			figure('Dead letters', 'deadLetters', platform.deadLetters, count(platform.deadLetters), { class: platform.deadLetters ? 'over' : 'under' }),
			figure('Last backup', 'lastBackupAt', platform.lastBackupAt, platform.lastBackupAt ? time(platform.lastBackupAt) : 'none'),
		]));
	};
	const to = new Date(Math.ceil(Date.now() / 60000) * 60000);
	const from = new Date(+to - 24 * 3600 * 1000);
	const charts = [
		seriesChart({ title: 'Videos generated per minute', metric: 'videos-generated', from, to }),
		seriesChart({ title: 'Cost per minute', metric: 'cost', from, to, scale: 1e6, unit: '$' }),
		seriesChart({ title: 'Failures per minute', metric: 'failures', from, to }),
	];
	view.append(el('section', { 'aria-label': 'Last 24 hours' }, el('h2', {}, 'Last 24 hours'), charts.map((chart) => chart.element)),
		el('section', { 'aria-labelledby': 'live-title' }, el('h2', { id: 'live-title' }, 'Live events'), events));
	// The figures and the charts load side by side.
	await Promise.all([render(), ...charts.map((chart) => chart.ready)]);

	// Events arrive in bursts: one refresh answers all the events of a burst.
	let pending = null;
	let latest = null;
	const unsubscribe = feed.subscribe((event) => {
		const item = event.data;
		latest = Math.max(latest ?? 0, item.position);
		events.prepend(el('li', { 'data-video': item.videoId }, `${time(item.timestamp)} ${event.type}: ${item.type} `,
			el('a', { href: `#/videos/${encodeURIComponent(item.videoId)}` }, item.videoId)));
		while (events.children.length > 50) {
			events.lastChild.remove();
		}
		if (!pending) {
			const received = performance.now();
			pending = setTimeout(async () => {
				pending = null;
				await refreshed(render(latest), received);
			}, 100);
		}
	});
	return () => {
		unsubscribe();
		clearTimeout(pending);
	};
}
