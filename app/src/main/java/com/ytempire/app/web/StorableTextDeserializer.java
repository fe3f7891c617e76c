package com.ytempire.app.web;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;

/**
 * Refuses text that PostgreSQL or a round trip through UTF-8 cannot keep as it came: NUL
 * characters and unpaired surrogates. Accepted, such text would be stored in an event
 * that reads back different from what the live projections saw, or could not be stored in
 * a read model at all.
 */
class StorableTextDeserializer extends StringDeserializer {

	@Override
	public String deserialize(JsonParser parser, DeserializationContext context) {
		String value = super.deserialize(parser, context);
		if (value != null && !isStorable(value)) {
			return (String) context.handleWeirdStringValue(String.class, value,
					"contains a NUL character or an unpaired surrogate");
		}
		return value;
	}

	static boolean isStorable(String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '\u0000') {
				return false;
			}
			if (Character.isHighSurrogate(c)) {
				if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
					return false;
				}
				i++;
			}
			else if (Character.isLowSurrogate(c)) {
				return false;
			}
		}
		return true;
	}

}
