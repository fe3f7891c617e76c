package com.ytempire.render.compositor;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

import com.ytempire.render.timeline.Picture;

/**
 * A caption drawn once per scene into a translucent box, then blended into every frame of
 * the scene: text rendering is far too slow to repeat per frame, and the GPU cannot draw
 * fonts at all.
 *
 * @param x left edge in the frame
 * @param y top edge in the frame
 * @param image the box, with alpha
 */
record CaptionOverlay(int x, int y, Picture image) {

	private static final Color BOX = new Color(0, 0, 0, 150);

	static CaptionOverlay none() {
		return new CaptionOverlay(0, 0, Picture.solid(1, 1, 0));
	}

	static CaptionOverlay render(String text, int frameWidth, int frameHeight) {
		if (text.isBlank()) {
			return none();
		}
		int fontSize = Math.max(10, frameHeight / 20);
		Font font = new Font(Font.SANS_SERIF, Font.BOLD, fontSize);
		FontMetrics metrics = metrics(font);
		int maxWidth = frameWidth * 9 / 10;
		while (metrics.stringWidth(text) + fontSize > maxWidth && font.getSize() > 10) {
			font = font.deriveFont((float) font.getSize() - 1);
			metrics = metrics(font);
		}
		int padding = font.getSize() / 2;
		int width = Math.min(maxWidth, metrics.stringWidth(text) + 2 * padding);
		int height = metrics.getHeight() + padding;
		BufferedImage box = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
		Graphics2D g = box.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
		g.setColor(BOX);
		g.fillRoundRect(0, 0, width, height, padding, padding);
		g.setFont(font);
		g.setColor(Color.WHITE);
		g.drawString(text, padding, padding / 2 + metrics.getAscent());
		g.dispose();
		return new CaptionOverlay((frameWidth - width) / 2, frameHeight - height - frameHeight / 12, Picture.of(box));
	}

	private static FontMetrics metrics(Font font) {
		Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB).createGraphics();
		try {
			return g.getFontMetrics(font);
		}
		finally {
			g.dispose();
		}
	}

}
