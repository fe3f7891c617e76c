package com.ytempire.command.video;

import java.time.Instant;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * @param style the look of the video: a {@link com.ytempire.api.video.VideoStyle} name;
 * {@code classic} when left out
 */
record ScheduleVideoRequest(@NotBlank @Size(max = 64) String channelId, @NotBlank @Size(max = 200) String title,
		@NotBlank @Size(max = 500) String topic, @NotNull Instant publishAt, @Size(max = 50) String style,
		@NotNull @Min(5) @Max(10800) Integer targetLengthSeconds) {
}
