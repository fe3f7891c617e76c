// A sortable, filterable table. Past VIRTUAL_AFTER rows it renders only the rows in view
// (plus a margin) between two spacer rows, so a thousand channels scroll as lightly as ten.
import { el } from './format.js';
import { exportButtons } from './exports.js';

const VIRTUAL_AFTER = 100;
const ROW_HEIGHT = 32;
const MARGIN_ROWS = 10;

/**
 * columns: [{ key, label, numeric, render(row) -> node or text }]
 * options: { name, caption, filter(row, text) -> boolean, sort, order }
 */
export class Table {
	constructor(columns, options) {
		this.columns = columns;
		this.options = options;
		this.rows = [];
		this.shown = [];
		this.sortKey = options.sort || null;
		this.descending = options.order === 'desc';
		this.filterText = '';
		this.body = el('tbody');
		this.scroller = el('div', { class: 'scroll', tabindex: '0', 'aria-label': `${options.caption} (scrollable)` },
			el('table', {}, el('caption', { class: 'visually-hidden' }, options.caption),
				el('thead', {}, el('tr', {}, columns.map((column) => this.header(column)))), this.body));
		this.scroller.addEventListener('scroll', () => this.paint());
		this.count = el('span', { role: 'status' });
		const search = el('input', { type: 'search', id: `${options.name}-filter`, oninput: (e) => {
			this.filterText = e.target.value.trim().toLowerCase();
			this.refresh();
		} });
		this.element = el('div', { class: 'table' },
			el('div', { class: 'tools' }, el('label', { for: `${options.name}-filter` }, 'Filter'), search, ...(options.tools || []), this.count),
			// Exports carry every field the API gave, not only the columns on screen.
			exportButtons(options.name, () => (this.rows.length ? Object.keys(this.rows[0]) : columns.map((column) => column.key)),
				() => this.shown),
			this.scroller);
	}

	header(column) {
		const th = el('th', { scope: 'col', class: column.numeric ? 'num' : null, 'data-key': column.key });
		if (column.sortable === false) {
			th.append(column.label);
			return th;
		}
		th.append(el('button', { type: 'button', onclick: () => {
			this.descending = this.sortKey === column.key ? !this.descending : false;
			this.sortKey = column.key;
			this.refresh();
		} }, column.label));
		return th;
	}

	setRows(rows) {
		this.rows = rows;
		this.refresh();
	}

	refresh() {
		const filter = this.options.filter;
		let shown = this.filterText && filter ? this.rows.filter((row) => filter(row, this.filterText)) : this.rows.slice();
		if (this.options.extraFilter) {
			shown = shown.filter(this.options.extraFilter);
		}
		if (this.sortKey) {
			const key = this.sortKey;
			const sign = this.descending ? -1 : 1;
			shown.sort((a, b) => sign * compare(a[key], b[key]));
		}
		this.shown = shown;
		this.scroller.querySelectorAll('th').forEach((th) => th.setAttribute('aria-sort',
			th.dataset.key !== this.sortKey ? 'none' : this.descending ? 'descending' : 'ascending'));
		this.count.textContent = `${shown.length} of ${this.rows.length} rows`;
		this.painted = null;
		this.paint();
	}

	paint() {
		const total = this.shown.length;
		let first = 0;
		let last = total;
		if (total > VIRTUAL_AFTER) {
			const visible = Math.ceil(this.scroller.clientHeight / ROW_HEIGHT) || 20;
			first = Math.max(0, Math.floor(this.scroller.scrollTop / ROW_HEIGHT) - MARGIN_ROWS);
			last = Math.min(total, first + visible + 2 * MARGIN_ROWS);
		}
		const range = `${first}:${last}`;
		if (this.painted === range) {
			return;
		}
		this.painted = range;
		const rows = this.shown.slice(first, last).map((row) => el('tr', {}, this.columns.map((column) =>
			el('td', { class: column.numeric ? 'num' : null }, column.render ? column.render(row) : format(row[column.key])))));
		const spacer = (height) => (height > 0 ? el('tr', { 'aria-hidden': 'true', style: `height:${height}px` }) : null);
		this.body.replaceChildren(...[spacer(first * ROW_HEIGHT), ...rows, spacer((total - last) * ROW_HEIGHT)].filter(Boolean));
	}
}

function compare(a, b) {
	if (a === b) {
		return 0;
	}
	if (a === null || a === undefined) {
		return 1;
	}
	if (b === null || b === undefined) {
		return -1;
	}
	return typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b));
}

function format(value) {
	return value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
}
