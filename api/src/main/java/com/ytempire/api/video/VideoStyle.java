package com.ytempire.api.video;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The visual templates a video can be made in, by the name clients schedule it with.
 * Videos scheduled before the templates existed carry {@code default}, which is the
 * classic look.
 */
public enum VideoStyle {

	/** Deep gradients with soft light shapes and a large white title. */
	CLASSIC,

	/** A pale, flat background with thin geometric lines and a dark title. */
	MINIMAL,

	/** Near-black with a glowing grid and bright neon lines and title. */
	NEON;

	public static final VideoStyle DEFAULT = CLASSIC;

	private static final String LEGACY_DEFAULT = "default";

	/** The name clients and events use. */
	public String id() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * The style of that name, whatever its case; {@code default} is the default style.
	 */
	public static Optional<VideoStyle> named(String name) {
		if (name == null) {
			return Optional.empty();
		}
		String wanted = name.strip().toLowerCase(Locale.ROOT);
		if (wanted.equals(LEGACY_DEFAULT)) {
			return Optional.of(DEFAULT);
		}
		return Arrays.stream(values()).filter((style) -> style.id().equals(wanted)).findFirst();
	}

	public static List<String> ids() {
		return Arrays.stream(values()).map(VideoStyle::id).toList();
	}

}
