package com.ytempire.render.work;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ytempire.api.video.MediaRef;
import com.ytempire.render.content.Script;
import com.ytempire.render.media.MediaStore;

/** A script kept in the media store as JSON between the steps that use it. */
final class StoredScripts {

	static final String MEDIA_TYPE = "application/json";

	private static final ObjectMapper JSON = new ObjectMapper();

	private final MediaStore store;

	StoredScripts(MediaStore store) {
		this.store = store;
	}

	MediaRef put(Script script) {
		try {
			return this.store.put(JSON.writeValueAsBytes(script), MEDIA_TYPE);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("could not write the script '" + script.title() + "'", ex);
		}
	}

	/**
	 * @throws IllegalArgumentException when the stored file is not a usable script
	 */
	Script read(MediaRef ref) {
		try {
			return JSON.readValue(this.store.read(ref), Script.class);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalArgumentException(
					"the stored script " + ref.contentHash() + " cannot be read: " + ex.getOriginalMessage(), ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
