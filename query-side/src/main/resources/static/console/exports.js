// Exports of what a chart or table shows: CSV, JSON and PNG, made in the browser.
import { el } from './format.js';

function save(name, blob) {
	const url = URL.createObjectURL(blob);
	const link = el('a', { href: url, download: name });
	document.body.append(link);
	link.click();
	link.remove();
	setTimeout(() => URL.revokeObjectURL(url), 10000);
}

function csvCell(value) {
	const text = value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
	return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csv(columns, rows) {
	return [columns.map(csvCell).join(','), ...rows.map((row) => columns.map((column) => csvCell(row[column])).join(','))]
		.join('\r\n') + '\r\n';
}

/** Draws rows as a plain table on a canvas, so a table has a PNG like a chart does. */
function tableCanvas(columns, rows) {
	const shown = rows.slice(0, 200);
	const canvas = document.createElement('canvas');
	const width = 160;
	canvas.width = columns.length * width;
	canvas.height = (shown.length + 1) * 22 + 8;
	const context = canvas.getContext('2d');
	context.fillStyle = '#fff';
	context.fillRect(0, 0, canvas.width, canvas.height);
	context.font = '13px sans-serif';
	context.fillStyle = '#1b1f24';
	[Object.fromEntries(columns.map((column) => [column, column])), ...shown].forEach((row, y) =>
		columns.forEach((column, x) => {
			const value = row[column];
			const text = value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
			context.fillText(text.slice(0, 22), x * width + 4, (y + 1) * 22);
		}));
	return canvas;
}

/**
 * Export buttons for a named view. rows() gives the rows shown, columns their fields;
 * canvas() (charts) gives what to save as PNG, tables draw their rows.
 */
export function exportButtons(name, columns, rows, canvas) {
	const download = (format) => {
		const data = rows();
		if (format === 'csv') {
			save(`${name}.csv`, new Blob([csv(columns(), data)], { type: 'text/csv' }));
		} else if (format === 'json') {
			save(`${name}.json`, new Blob([JSON.stringify(data, null, 1)], { type: 'application/json' }));
		} else {
			const source = canvas ? canvas() : tableCanvas(columns(), data);
			fetch(source.toDataURL('image/png')).then((r) => r.blob()).then((blob) => save(`${name}.png`, blob));
		}
	};
	return el('div', { class: 'tools', role: 'group', 'aria-label': `Export ${name}` },
		['csv', 'json', 'png'].map((format) => el('button', { type: 'button', onclick: () => download(format) },
			`${format.toUpperCase()}`, el('span', { class: 'visually-hidden' }, ` of ${name}`))));
}
