package com.ytempire.render.content;

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

/**
 * Abstract art seeded by the scene's title, with the title written large: the same scene
 * always gives the same picture, and each scene looks different from its neighbours.
 */
public final class ProceduralImageGenerator implements ImageGenerator {

	private final PriceTable prices;

	public ProceduralImageGenerator(PriceTable prices) {
		this.prices = prices;
	}

	@Override
	public Priced<byte[]> generate(ScriptScene scene, int width, int height) {
		Random random = new Random(scene.title().hashCode());
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
		float hue = random.nextFloat();
		g.setPaint(new GradientPaint(0, 0, Color.getHSBColor(hue, 0.6f, 0.35f), width, height,
				Color.getHSBColor(hue + 0.15f, 0.7f, 0.75f)));
		g.fillRect(0, 0, width, height);
		for (int i = 0; i < 24; i++) {
			Color color = Color.getHSBColor(hue + random.nextFloat() * 0.3f, 0.5f, 0.9f);
			g.setColor(new Color(color.getRed(), color.getGreen(), color.getBlue(), 40 + random.nextInt(60)));
			int size = height / 10 + random.nextInt(height / 3);
			g.fillOval(random.nextInt(width) - size / 2, random.nextInt(height) - size / 2, size, size);
		}
		drawTitle(g, scene.title(), width, height);
		g.dispose();
		return new Priced<>(png(image), this.prices.image());
	}

	private static void drawTitle(Graphics2D g, String title, int width, int height) {
		Font font = new Font(Font.SANS_SERIF, Font.BOLD, height / 9);
		FontMetrics metrics = g.getFontMetrics(font);
		while (metrics.stringWidth(title) > width * 0.8 && font.getSize() > 12) {
			font = font.deriveFont(font.getSize() * 0.9f);
			metrics = g.getFontMetrics(font);
		}
		g.setFont(font);
		int x = (width - metrics.stringWidth(title)) / 2;
		int y = height / 2 - metrics.getHeight() / 2 + metrics.getAscent();
		int shadow = Math.max(2, font.getSize() / 20);
		g.setColor(new Color(0, 0, 0, 140));
		g.drawString(title, x + shadow, y + shadow);
		g.setColor(Color.WHITE);
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
