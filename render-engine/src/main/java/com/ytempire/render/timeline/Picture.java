package com.ytempire.render.timeline;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Objects;

import javax.imageio.ImageIO;

/**
 * An image as packed {@code 0xAARRGGBB} ints, row by row: the one pixel layout the
 * compositor, the GPU kernels and the encoder share, so no stage converts formats.
 */
public final class Picture {

	private final int width;

	private final int height;

	private final int[] pixels;

	public Picture(int width, int height, int[] pixels) {
		if (width <= 0 || height <= 0) {
			throw new IllegalArgumentException("a picture needs a positive size, got " + width + "x" + height);
		}
		Objects.requireNonNull(pixels, "pixels");
		if (pixels.length != width * height) {
			throw new IllegalArgumentException(
					"expected " + width * height + " pixels for " + width + "x" + height + ", got " + pixels.length);
		}
		this.width = width;
		this.height = height;
		this.pixels = pixels;
	}

	public static Picture solid(int width, int height, int argb) {
		int[] pixels = new int[width * height];
		java.util.Arrays.fill(pixels, argb);
		return new Picture(width, height, pixels);
	}

	public static Picture of(BufferedImage image) {
		BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_ARGB);
		Graphics2D g = rgb.createGraphics();
		g.drawImage(image, 0, 0, null);
		g.dispose();
		return new Picture(rgb.getWidth(), rgb.getHeight(),
				((DataBufferInt) rgb.getRaster().getDataBuffer()).getData());
	}

	/**
	 * Decodes PNG or JPEG bytes.
	 * @throws IllegalArgumentException when the bytes are not an image Java can read, so
	 * a bad provider answer fails with a message rather than a blank video
	 */
	public static Picture decode(byte[] encoded, String source) {
		BufferedImage image;
		try {
			image = ImageIO.read(new ByteArrayInputStream(encoded));
		}
		catch (IOException ex) {
			throw new IllegalArgumentException(source + " is not a readable image: " + ex.getMessage(), ex);
		}
		if (image == null) {
			throw new IllegalArgumentException(
					source + " is not a readable image (expected PNG or JPEG, " + encoded.length + " bytes)");
		}
		return of(image);
	}

	public int width() {
		return this.width;
	}

	public int height() {
		return this.height;
	}

	/**
	 * The backing array, shared rather than copied: pictures are large and read by many
	 * threads.
	 */
	public int[] pixels() {
		return this.pixels;
	}

	public int pixel(int x, int y) {
		return this.pixels[y * this.width + x];
	}

	public BufferedImage toBufferedImage() {
		BufferedImage image = new BufferedImage(this.width, this.height, BufferedImage.TYPE_INT_ARGB);
		image.setRGB(0, 0, this.width, this.height, this.pixels, 0, this.width);
		return image;
	}

}
