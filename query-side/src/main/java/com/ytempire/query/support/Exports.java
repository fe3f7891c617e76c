package com.ytempire.query.support;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import reactor.core.publisher.Flux;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Streams rows as CSV or as a JSON array while they arrive from the database: a row is
 * written and forgotten, so an export of a million rows holds one row in memory.
 */
@Component
public class Exports {

	public static final MediaType TEXT_CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

	private final JsonMapper json;

	Exports(JsonMapper json) {
		this.json = json;
	}

	/** Whether a {@code format} parameter asks for an export rather than a page. */
	public static boolean isExport(String format) {
		if (format == null || format.isBlank()) {
			return false;
		}
		if (format.equalsIgnoreCase("csv") || format.equalsIgnoreCase("json")) {
			return true;
		}
		throw new BadQuery("'format' must be csv or json");
	}

	public ResponseEntity<Flux<DataBuffer>> export(String format, String name, List<String> columns,
			Flux<Map<String, Object>> rows) {
		boolean csv = format.equalsIgnoreCase("csv");
		Flux<String> text = csv ? csv(columns, rows) : jsonArray(rows);
		return ResponseEntity.ok()
			.contentType(csv ? TEXT_CSV : MediaType.APPLICATION_JSON)
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + (csv ? ".csv" : ".json") + "\"")
			.body(text
				.map((chunk) -> DefaultDataBufferFactory.sharedInstance.wrap(chunk.getBytes(StandardCharsets.UTF_8))));
	}

	/** A JSON body, written like the exports so every list answers through one path. */
	public ResponseEntity<Flux<DataBuffer>> json(Object body) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.body(Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(this.json.writeValueAsBytes(body))));
	}

	private static Flux<String> csv(List<String> columns, Flux<Map<String, Object>> rows) {
		String header = String.join(",", columns) + "\n";
		return Flux.just(header)
			.concatWith(rows.map((row) -> columns.stream()
				.map((column) -> cell(row.get(column)))
				.collect(Collectors.joining(",", "", "\n"))));
	}

	private Flux<String> jsonArray(Flux<Map<String, Object>> rows) {
		return Flux.just("[")
			.concatWith(rows.index()
				.map((indexed) -> ((indexed.getT1() == 0) ? "\n" : ",\n")
						+ this.json.writeValueAsString(indexed.getT2())))
			.concatWith(Flux.just("\n]\n"));
	}

	/**
	 * RFC 4180: quote a cell that holds a separator, a quote or a line break. Text that a
	 * spreadsheet would read as a formula is neutralised first (see {@link #neutralise}).
	 */
	static String cell(Object value) {
		if (value == null) {
			return "";
		}
		String text = (value instanceof Object[] array) ? java.util.Arrays.toString(array) : value.toString();
		if (!(value instanceof Number)) {
			text = neutralise(text);
		}
		if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
			return text;
		}
		return '"' + text.replace("\"", "\"\"") + '"';
	}

	/**
	 * CSV injection: spreadsheets evaluate a cell that starts with {@code =}, {@code +},
	 * {@code -}, {@code @}, a tab or a carriage return as a formula, so titles and
	 * channel names (text that users supply) get a leading {@code '} and show as text.
	 * The rule goes by the value's type, not by its look: a {@link Number} is written by
	 * the server and stays as it is, so a cost of {@code -0.5} is still a number in the
	 * sheet, while any text, even one that looks like a number, is neutralised: parsing
	 * text to guess whether it is "a plain number" is what lets a crafted value slip
	 * through.
	 */
	static String neutralise(String text) {
		if (text.isEmpty()) {
			return text;
		}
		return switch (text.charAt(0)) {
			case '=', '+', '-', '@', '\t', '\r' -> "'" + text;
			default -> text;
		};
	}

}
