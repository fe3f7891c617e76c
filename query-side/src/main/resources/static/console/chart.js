// Canvas time-series charts (uPlot). The server downsamples: every zoom or pan asks for
// the new range again at about one point per pixel, so a million-point series stays a
// few thousand points in the page. Each interaction is timed with the User Timing API
// ('chart-interaction'), where the browser's tools and the benchmark read it.
import { get } from './api.js';
import { el } from './format.js';
import { exportButtons } from './exports.js';

const PALETTE = ['#0b5cad', '#a4161a', '#1f6f2b', '#7a3e9d', '#b35c00', '#006d75'];

/** A chart over the series endpoint: metric is videos-generated, failures or cost. */
export function seriesChart({ title, metric, channelId, from, to, scale = 1, unit = '' }) {
	const query = (range) => {
		const points = Math.min(20000, Math.max(2, Math.round(chart.width())));
		const channel = channelId ? `&channelId=${encodeURIComponent(channelId)}` : '';
		return get(`/api/v1/series/${metric}?from=${range.from.toISOString()}&to=${range.to.toISOString()}&maxPoints=${points}${channel}`)
			.then((series) => ({
				bucketMinutes: series.bucketMinutes,
				columns: [series.points.map((p) => Date.parse(p.t) / 1000), series.points.map((p) => p.v / scale)],
				rows: series.points,
			}));
	};
	const chart = new Chart({ title, labels: [title + (unit ? ` (${unit})` : '')], query, from, to, name: `series-${metric}` });
	return chart;
}

/** A chart of data the caller computes for a range: load(range) -> { columns, rows }. */
export class Chart {
	constructor({ title, labels, query, from, to, name, rangeFixed = false }) {
		this.title = title;
		this.labels = labels;
		this.query = query;
		this.range = { from: new Date(from), to: new Date(to) };
		this.name = name;
		this.rows = [];
		this.generation = 0;
		this.plotHolder = el('div', { class: 'plot', role: 'img', 'aria-label': `${title} chart` });
		this.status = el('span', { role: 'status' });
		const tools = rangeFixed ? [] : [
			el('button', { type: 'button', onclick: () => this.pan(-0.5) }, '◀ Earlier'),
			el('button', { type: 'button', onclick: () => this.pan(0.5) }, 'Later ▶'),
			el('button', { type: 'button', onclick: () => this.zoom(0.5) }, 'Zoom in'),
			el('button', { type: 'button', onclick: () => this.zoom(2) }, 'Zoom out'),
		];
		this.element = el('figure', { class: 'chart', tabindex: '0', 'aria-label': `${title}; arrow keys pan, + and - zoom`,
			onkeydown: (event) => this.key(event) },
			el('figcaption', {}, el('h3', {}, title)),
			el('div', { class: 'tools' }, ...tools, this.status),
			this.plotHolder,
			exportButtons(name, () => ['t', ...this.labels], () => this.exportRows(), () => this.plot.ctx.canvas));
		// Loads once the caller has placed the chart, so its width is known.
		this.ready = Promise.resolve().then(() => this.load());
	}

	width() {
		return Math.max(300, (this.plotHolder.clientWidth || 800));
	}

	exportRows() {
		const [xs, ...ys] = this.data || [[]];
		return xs.map((x, i) => Object.fromEntries([['t', new Date(x * 1000).toISOString()],
			...this.labels.map((label, s) => [label, ys[s][i]])]));
	}

	async load() {
		const generation = ++this.generation;
		this.status.textContent = 'Loading…';
		const result = await this.query(this.range);
		if (generation !== this.generation) {
			return false;
		}
		this.data = result.columns;
		this.status.textContent = `${this.data[0].length} points${result.bucketMinutes > 1 ? `, ${result.bucketMinutes}-minute buckets (min and max)` : ''}`;
		this.draw();
		return true;
	}

	draw() {
		if (!this.plot) {
			const uPlot = window.uPlot;
			this.plot = new uPlot({
				width: this.width(),
				height: 240,
				scales: { x: { time: true } },
				series: [{}, ...this.labels.map((label, i) => ({ label, stroke: PALETTE[i % PALETTE.length], width: 1.5 }))],
				cursor: { drag: { x: true, y: false } },
				hooks: { setSelect: [(u) => this.selected(u)] },
			}, this.data, this.plotHolder);
		} else {
			this.plot.setData(this.data);
		}
		// The range asked for, not the data's extent: a quiet hour shows as empty, not stretched.
		this.plot.setScale('x', { min: this.range.from / 1000, max: this.range.to / 1000 });
	}

	/** A dragged selection zooms to it. */
	selected(u) {
		if (u.select.width < 2) {
			return;
		}
		const from = u.posToVal(u.select.left, 'x');
		const to = u.posToVal(u.select.left + u.select.width, 'x');
		u.setSelect({ left: 0, width: 0, top: 0, height: 0 }, false);
		this.show(new Date(from * 1000), new Date(to * 1000));
	}

	pan(share) {
		const span = this.range.to - this.range.from;
		this.show(new Date(+this.range.from + span * share), new Date(+this.range.to + span * share));
	}

	zoom(factor) {
		const middle = (+this.range.from + +this.range.to) / 2;
		const half = Math.max(60000, ((this.range.to - this.range.from) * factor) / 2);
		this.show(new Date(middle - half), new Date(middle + half));
	}

	key(event) {
		const actions = { ArrowLeft: () => this.pan(-0.25), ArrowRight: () => this.pan(0.25), '+': () => this.zoom(0.5),
			'=': () => this.zoom(0.5), '-': () => this.zoom(2) };
		if (event.target === this.element && actions[event.key]) {
			event.preventDefault();
			actions[event.key]();
		}
	}

	/**
	 * Moves to a new range: the axes move at once over the points already loaded, then
	 * the range is asked for again and drawn at full detail.
	 */
	async show(from, to) {
		const start = performance.now();
		this.range = { from, to };
		this.plot.setScale('x', { min: from / 1000, max: to / 1000 });
		requestAnimationFrame(() => performance.measure('chart-feedback', { start, end: performance.now() }));
		if (await this.load()) {
			// The new points are drawn once the next frame paints.
			requestAnimationFrame(() => performance.measure('chart-interaction', { start, end: performance.now() }));
		}
	}
}
