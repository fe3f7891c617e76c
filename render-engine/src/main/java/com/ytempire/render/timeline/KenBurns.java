package com.ytempire.render.timeline;

/**
 * A slow pan and zoom over a still image. Zoom 1 shows the whole image width; centres are
 * fractions of the image's width and height, so a move keeps its meaning at any
 * resolution.
 */
public record KenBurns(double startZoom, double endZoom, double startCenterX, double startCenterY, double endCenterX,
		double endCenterY) {

	public KenBurns {
		if (startZoom < 1 || endZoom < 1) {
			throw new IllegalArgumentException("zoom below 1 would show past the image's edges");
		}
		requireFraction(startCenterX);
		requireFraction(startCenterY);
		requireFraction(endCenterX);
		requireFraction(endCenterY);
	}

	public static KenBurns still() {
		return new KenBurns(1, 1, 0.5, 0.5, 0.5, 0.5);
	}

	public double zoomAt(double progress) {
		return this.startZoom + (this.endZoom - this.startZoom) * progress;
	}

	public double centerXAt(double progress) {
		return this.startCenterX + (this.endCenterX - this.startCenterX) * progress;
	}

	public double centerYAt(double progress) {
		return this.startCenterY + (this.endCenterY - this.startCenterY) * progress;
	}

	private static void requireFraction(double value) {
		if (!(value >= 0 && value <= 1)) {
			throw new IllegalArgumentException("a Ken Burns centre must be within the image (0..1), got " + value);
		}
	}

}
