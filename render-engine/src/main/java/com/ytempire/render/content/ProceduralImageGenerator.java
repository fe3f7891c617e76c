package com.ytempire.render.content;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;

import javax.imageio.ImageIO;

import com.ytempire.api.video.VideoStyle;

/**
 * Abstract art seeded by the scene's title, in the video's style, with the title written
 * large: the same scene always gives the same picture, each scene looks different from
 * its neighbours, and each style looks different from the others.
 */
public final class ProceduralImageGenerator implements ImageGenerator {

	private final PriceTable prices;

	public ProceduralImageGenerator(PriceTable prices) {
		this.prices = prices;
	}

	@Override
	public Priced<byte[]> generate(ScriptScene scene, VideoStyle style, int width, int height) {
		Random random = new Random(scene.title().hashCode());
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
		float hue = random.nextFloat();
		Color title = switch (style) {
			case CLASSIC -> classic(g, random, hue, width, height);
			case MINIMAL -> minimal(g, random, hue, width, height);
			case NEON -> neon(g, random, hue, width, height);
		};
		drawTitle(g, scene.title(), title, style != VideoStyle.MINIMAL, width, height);
		g.dispose();
		return new Priced<>(png(image), this.prices.image());
	}

	/** A deep diagonal gradient under soft translucent discs. */
	private static Color classic(Graphics2D g, Random random, float hue, int width, int height) {
		g.setPaint(new GradientPaint(0, 0, Color.getHSBColor(hue, 0.6f, 0.35f), width, height,
				Color.getHSBColor(hue + 0.15f, 0.7f, 0.75f)));
		g.fillRect(0, 0, width, height);
		for (int i = 0; i < 24; i++) {
			Color color = Color.getHSBColor(hue + random.nextFloat() * 0.3f, 0.5f, 0.9f);
			g.setColor(new Color(color.getRed(), color.getGreen(), color.getBlue(), 40 + random.nextInt(60)));
			int size = height / 10 + random.nextInt(height / 3);
			g.fillOval(random.nextInt(width) - size / 2, random.nextInt(height) - size / 2, size, size);
		}
		return Color.WHITE;
	}

	/** A pale flat ground with a few thin outlines and one accent block. */
	private static Color minimal(Graphics2D g, Random random, float hue, int width, int height) {
		g.setColor(Color.getHSBColor(hue, 0.06f, 0.96f));
		g.fillRect(0, 0, width, height);
		g.setStroke(new BasicStroke(Math.max(1, height / 240f)));
		g.setColor(Color.getHSBColor(hue, 0.15f, 0.55f));
		for (int i = 0; i < 5; i++) {
			int size = height / 6 + random.nextInt(height / 3);
			int x = random.nextInt(width - size);
			int y = random.nextInt(height - size);
			if (random.nextBoolean()) {
				g.drawRect(x, y, size, size);
			}
			else {
				g.drawOval(x, y, size, size);
			}
		}
		g.setColor(Color.getHSBColor(hue, 0.55f, 0.8f));
		g.fillRect(width / 10, height * 3 / 4, width / 5, Math.max(2, height / 60));
		return Color.getHSBColor(hue, 0.3f, 0.18f);
	}

	/** Near-black with a perspective grid and glowing lines in two neon hues. */
	private static Color neon(Graphics2D g, Random random, float hue, int width, int height) {
		g.setColor(new Color(10, 8, 20));
		g.fillRect(0, 0, width, height);
		Color grid = Color.getHSBColor(hue, 0.9f, 0.6f);
		g.setColor(new Color(grid.getRed(), grid.getGreen(), grid.getBlue(), 110));
		g.setStroke(new BasicStroke(Math.max(1, height / 360f)));
		int horizon = height * 3 / 5;
		for (int i = 0; i <= 16; i++) {
			int x = width * i / 16;
			g.drawLine(width / 2 + (x - width / 2) / 6, horizon, x, height);
		}
		// Rows spread out towards the viewer, as on a floor seen in perspective.
		for (int row = 1, y = horizon; y < height; row++, y += Math.max(1, (height - horizon) * row / 30)) {
			g.drawLine(0, y, width, y);
		}
		Color glow = Color.getHSBColor(hue + 0.5f, 1f, 1f);
		for (int i = 0; i < 6; i++) {
			int y = random.nextInt(horizon);
			// Wide faint strokes under a thin bright one read as glow.
			for (int thickness = 9; thickness >= 1; thickness -= 4) {
				g.setStroke(new BasicStroke(height / 200f * thickness));
				g.setColor(new Color(glow.getRed(), glow.getGreen(), glow.getBlue(), (thickness == 1) ? 255 : 50));
				g.drawLine(random.nextInt(width / 3), y, width - random.nextInt(width / 3), y);
			}
		}
		return Color.getHSBColor(hue + 0.5f, 0.35f, 1f);
	}

	private static void drawTitle(Graphics2D g, String title, Color color, boolean shadowed, int width, int height) {
		Font font = new Font(Font.SANS_SERIF, Font.BOLD, height / 9);
		FontMetrics metrics = g.getFontMetrics(font);
		while (metrics.stringWidth(title) > width * 0.8 && font.getSize() > 12) {
			font = font.deriveFont(font.getSize() * 0.9f);
			metrics = g.getFontMetrics(font);
		}
		g.setFont(font);
		int x = (width - metrics.stringWidth(title)) / 2;
		int y = height / 2 - metrics.getHeight() / 2 + metrics.getAscent();
		if (shadowed) {
			int shadow = Math.max(2, font.getSize() / 20);
			g.setColor(new Color(0, 0, 0, 140));
			g.drawString(title, x + shadow, y + shadow);
		}
		g.setColor(color);
		g.drawString(title, x, y);
	}

	private static byte[] png(BufferedImage image) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("PNG encoding failed in memory", ex);
		}
		return out.toByteArray();
	}

}
