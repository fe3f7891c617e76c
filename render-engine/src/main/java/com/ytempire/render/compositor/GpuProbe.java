package com.ytempire.render.compositor;

import java.nio.charset.StandardCharsets;

import jcuda.driver.CUdevice;
import jcuda.driver.JCudaDriver;

/**
 * Looks for a CUDA device once per process. JCuda fails with {@link UnsatisfiedLinkError}
 * when {@code libcuda.so.1} is missing and with {@link NoClassDefFoundError} on every
 * later attempt, so the first answer is cached and every {@link Throwable} counts as "no
 * GPU".
 */
public final class GpuProbe {

	private static GpuStatus status;

	private GpuProbe() {
	}

	public static synchronized GpuStatus status() {
		if (status == null) {
			status = probe();
		}
		return status;
	}

	private static GpuStatus probe() {
		try {
			JCudaDriver.setExceptionsEnabled(true);
			JCudaDriver.cuInit(0);
			int[] count = new int[1];
			JCudaDriver.cuDeviceGetCount(count);
			if (count[0] == 0) {
				return new GpuStatus(false, "the CUDA driver reports no device");
			}
			CUdevice device = new CUdevice();
			JCudaDriver.cuDeviceGet(device, 0);
			byte[] name = new byte[256];
			JCudaDriver.cuDeviceGetName(name, name.length, device);
			int[] driver = new int[1];
			JCudaDriver.cuDriverGetVersion(driver);
			return new GpuStatus(true,
					nullTerminated(name) + ", CUDA driver " + driver[0] / 1000 + "." + (driver[0] % 1000) / 10);
		}
		catch (Throwable ex) {
			return new GpuStatus(false, firstLine(ex));
		}
	}

	/**
	 * JCuda's link errors carry every attempted path and nested stack traces in the
	 * message; the first line says what failed and keeps the start-up log to one line.
	 */
	static String firstLine(Throwable ex) {
		String message = String.valueOf(ex.getMessage()).lines().findFirst().orElse("");
		return ex.getClass().getSimpleName() + ": " + message;
	}

	private static String nullTerminated(byte[] bytes) {
		int length = 0;
		while (length < bytes.length && bytes[length] != 0) {
			length++;
		}
		return new String(bytes, 0, length, StandardCharsets.US_ASCII);
	}

}
