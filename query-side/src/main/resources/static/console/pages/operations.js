// Maintenance for admins: projection status and rebuilds, the last backup, and the
// product's alert rules with what this page can honestly tell about each.
import { ApiError, get, post } from '../api.js';
import { cards, count, el, time } from '../format.js';
import { Table } from '../table.js';
import { COST_CAP_MICROS } from './overview.js';

const HOUR = 3600 * 1000;

// What this page can tell, from the figures the service itself serves, about the rules of the
// Prometheus alert file (listed from /api/v1/console/alert-rules, the file the build ships):
// check(health, overview) says whether the rule's condition holds at this instant. A rule
// not named here needs what only Prometheus has (rates over windows, other hosts, the node's
// resources). No rule's "for" duration is applied here: a condition that holds now has not
// necessarily fired.
const CHECKS = {
	BackupStale: { source: 'last backup time',
		check: (h) => !h.lastBackupAt || Date.now() - Date.parse(h.lastBackupAt) > 26 * HOUR },
	ProjectionLagHigh: { source: 'processor lag now', check: (h) => h.processors.some((p) => p.lagSeconds > 60) },
	DeadLettersPresent: { source: 'dead letters now', check: (h) => h.deadLetters > 0 },
	SagaBacklogHigh: { source: 'sagas now', check: (h) => h.sagasLive > 500 },
	CostPerVideoHigh: { source: 'last hour\'s spend per video generated (read model)',
		check: (h, o) => o.costPerVideoLastHourMicros !== null && o.costPerVideoLastHourMicros > COST_CAP_MICROS },
	VideoGenerationFailed: { source: 'failures in the last hour (read model)', check: (h, o) => o.failuresLastHour > 5 },
};

// A summary's label references, such as {{ $labels.processor }}, read as the label's name.
const summary = (text) => (text || '').replace(/\{\{\s*\$labels\.(\w+)\s*\}\}/g, '‹$1›');

export async function operations(view, { feed }) {
	const [health, overview, status, rules] = await Promise.all([get('/api/v1/console/health'), get('/api/v1/overview'),
		get('/api/v1/admin/projections/rebuild'), get('/api/v1/console/alert-rules')]);
	const processors = new Table([
		{ key: 'name', label: 'Processor' },
		{ key: 'lagEvents', label: 'Behind (events)', numeric: true },
		{ key: 'lagSeconds', label: 'Behind (s)', numeric: true, render: (row) => (row.lagSeconds ?? 0).toFixed(1) },
		{ key: 'replayProgress', label: 'Replay', numeric: true, render: (row) => `${Math.round((row.replayProgress ?? 1) * 100)}%` },
	], { name: 'processors', caption: 'Event processors', filter: (row, text) => row.name.toLowerCase().includes(text) });
	processors.setRows(health.processors);

	const choice = el('select', { id: 'rebuild-name' }, [...health.rebuildable, 'all'].map((name) => el('option', { value: name }, name)));
	const progress = el('progress', { id: 'rebuild-progress', max: '1', value: '0', 'aria-label': 'Rebuild progress' });
	const state = el('p', { id: 'rebuild-state', role: 'status' });
	const showStatus = (current) => {
		progress.max = Math.max(1, current.eventsTotal);
		progress.value = current.eventsDone;
		state.textContent = `${current.state}${current.projections.length ? ` (${current.projections.join(', ')})` : ''}: `
			+ `${count(current.eventsDone)} of ${count(current.eventsTotal)} events`
			+ (current.etaSeconds !== null && current.etaSeconds !== undefined ? `, about ${current.etaSeconds} s left` : '')
			+ (current.finishedAt ? `, finished ${time(current.finishedAt)}` : '') + (current.error ? ` — ${current.error}` : '');
	};
	let following = true;
	// The progress has no feed of its own: it is asked for once a second while a rebuild
	// runs, and not at all otherwise.
	const follow = async (current) => {
		showStatus(current);
		while (following && (current.state === 'REPLAYING' || current.state === 'SWAPPING')) {
			await new Promise((resolve) => setTimeout(resolve, 1000));
			current = await get('/api/v1/admin/projections/rebuild');
			showStatus(current);
		}
	};
	const start = el('button', { type: 'button', id: 'rebuild-start', onclick: async () => {
		try {
			await follow(await post(`/api/v1/admin/projections/${encodeURIComponent(choice.value)}/rebuild`));
		} catch (error) {
			state.textContent = error instanceof ApiError ? error.message : String(error);
		}
	} }, 'Rebuild');

	const alerts = new Table([
		{ key: 'name', label: 'Alert' },
		{ key: 'severity', label: 'Severity' },
		{ key: 'summary', label: 'Summary' },
		{ key: 'rule', label: 'Fires when' },
		{ key: 'now', label: 'Here, now' },
		{ key: 'source', label: 'From' },
	], { name: 'alert-rules', caption: 'Alert rules', filter: (row, text) => row.name.toLowerCase().includes(text) });
	alerts.setRows(rules.map((rule) => {
		const known = CHECKS[rule.name];
		return { name: rule.name, severity: rule.severity, summary: summary(rule.summary),
			rule: rule.duration ? `${rule.expr}, for ${rule.duration}` : rule.expr,
			now: known ? (known.check(health, overview) ? 'condition holds' : 'clear') : 'Prometheus only',
			source: known ? known.source : 'needs rates over time or other hosts' };
	}));
	const recent = el('ol', { class: 'live', 'aria-label': 'Video alerts since this page opened' });

	view.append(el('h2', {}, 'Operations'),
		el('section', { 'aria-labelledby': 'backup-title' }, el('h3', { id: 'backup-title' }, 'Backup'),
			cards([['Last good backup', health.lastBackupAt ? time(health.lastBackupAt) : 'none taken', { 'data-field': 'lastBackupAt' }]])),
		el('section', { 'aria-labelledby': 'projections-title' }, el('h3', { id: 'projections-title' }, 'Projections'), processors.element,
			el('div', { class: 'tools' }, el('label', { for: 'rebuild-name' }, 'Projection'), choice, start, progress), state),
		el('section', { 'aria-labelledby': 'alerts-title' }, el('h3', { id: 'alerts-title' }, 'Alerts'),
			el('p', {}, 'Prometheus evaluates these rules and pages. This page checks the conditions it can see at this instant; it applies no "for" duration.'),
			alerts.element, el('h3', {}, 'Video alerts (live)'), recent));
	follow(status);
	const unsubscribe = feed.subscribe((event) => {
		if (event.type === 'alert') {
			recent.prepend(el('li', {}, `${time(event.data.timestamp)} ${event.data.type} `,
				el('a', { href: `#/videos/${encodeURIComponent(event.data.videoId)}` }, event.data.videoId)));
		}
	});
	return () => {
		following = false;
		unsubscribe();
	};
}
