// How figures are shown: money is kept in whole micro-dollars by the API.
export const dollars = (micros) => (micros === null || micros === undefined ? '—' : `$${(micros / 1e6).toFixed(2)}`);
export const count = (n) => (n === null || n === undefined ? '—' : Number(n).toLocaleString('en-US'));
export const time = (iso) => (iso ? new Date(iso).toISOString().replace('T', ' ').slice(0, 19) + 'Z' : '—');
export const percent = (share) => (share === null || share === undefined ? '—' : `${(share * 100).toFixed(1)}%`);

/** Builds an element: el('td', { class: 'num' }, '12'). */
export function el(tag, attributes = {}, ...children) {
	const element = document.createElement(tag);
	for (const [name, value] of Object.entries(attributes)) {
		if (value === null || value === undefined || value === false) {
			continue;
		}
		if (name.startsWith('on')) {
			element.addEventListener(name.slice(2), value);
		} else {
			element.setAttribute(name, value === true ? '' : value);
		}
	}
	element.append(...children.flat().filter((child) => child !== null && child !== undefined));
	return element;
}

/** A definition list of figures, shown as cards. */
export function cards(figures) {
	return el('dl', { class: 'cards' }, figures.map(([label, value, attributes = {}]) =>
		el('div', {}, el('dt', {}, label), el('dd', attributes, String(value)))));
}

export function announce(text) {
	document.getElementById('announce').textContent = text;
}
