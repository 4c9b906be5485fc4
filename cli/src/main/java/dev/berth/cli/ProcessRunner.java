package dev.berth.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** {@link Sandbox.Runner} with real processes: argv lists, never a shell string. */
final class ProcessRunner implements Sandbox.Runner {

    @Override
    public int interactive(List<String> argv, Map<String, String> env) {
        ProcessBuilder pb = new ProcessBuilder(argv).inheritIO();
        pb.environment().putAll(env);
        try {
            return pb.start().waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + argv.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
    }

    @Override
    public Sandbox.Captured capture(List<String> argv, Map<String, String> env, boolean showProgress) {
        ProcessBuilder pb = new ProcessBuilder(argv).redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
        if (showProgress) {
            pb.redirectError(ProcessBuilder.Redirect.INHERIT);
        }
        pb.environment().putAll(env);
        try {
            return collect(pb.start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + argv.get(0), e);
        }
    }

    @Override
    public Sandbox.Captured pipe(List<String> from, List<String> to, Map<String, String> env) {
        ProcessBuilder producer = new ProcessBuilder(from).redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        ProcessBuilder consumer = new ProcessBuilder(to);
        producer.environment().putAll(env);
        consumer.environment().putAll(env);
        try {
            List<Process> processes = ProcessBuilder.startPipeline(List.of(producer, consumer));
            Sandbox.Captured last = collect(processes.get(1));
            int first = processes.get(0).waitFor();
            if (first != 0 && last.ok()) {
                return new Sandbox.Captured(first, last.stdout(), from.get(0) + " exited with status " + first);
            }
            return last;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + from.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Sandbox.Captured(130, "", "interrupted");
        }
    }

    private static Sandbox.Captured collect(Process p) throws IOException {
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
        String out = read(p.getInputStream());
        try {
            int code = p.waitFor();
            return new Sandbox.Captured(code, out, err.join());
        } catch (InterruptedException e) {
            p.destroy();
            Thread.currentThread().interrupt();
            return new Sandbox.Captured(130, out, "interrupted");
        }
    }

    private static String read(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static java.io.File nullDevice() {
        return new java.io.File("/dev/null");
    }
}
