package cn.fasheng.support;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.ConfigurableApplicationContext;

import cn.fasheng.FashengApplication;
import cn.fasheng.platform.storage.S3Endpoint;

/**
 * Another application instance on the test's MongoDB and object store, as in a several-instance deployment.
 * Settings go in as command-line arguments: application.yml would override default properties.
 */
public final class OtherInstance {

    private OtherInstance() {
    }

    public static ConfigurableApplicationContext start(MongoConnectionDetails mongo, S3Endpoint s3, String... settings) {
        return new SpringApplicationBuilder(FashengApplication.class).run(args(mongo, s3, 0, settings).toArray(String[]::new));
    }

    /**
     * The other instance as a process of its own, so that a test can kill it as a crash would ({@link #kill}),
     * FFmpeg children and all, with nothing handed back.
     */
    public static Process startProcess(MongoConnectionDetails mongo, S3Endpoint s3, String... settings) throws Exception {
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(
                java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), FashengApplication.class.getName()));
        command.addAll(args(mongo, s3, port, settings));
        java.nio.file.Path log = java.nio.file.Path.of("test-data", "instance-" + port + ".log");
        java.nio.file.Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the other instance did not start; see " + log.toAbsolutePath());
            }
            try {
                var ready = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                        "http://127.0.0.1:" + port + "/actuator/health/readiness")).build(),
                        java.net.http.HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return process;
                }
            }
            catch (java.io.IOException notYet) {
                // still starting
            }
            Thread.sleep(300);
        }
        kill(process);
        throw new IllegalStateException("the other instance was not ready in time; see " + log.toAbsolutePath());
    }

    /** SIGKILL to the instance and everything it started. */
    public static void kill(Process process) throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor();
    }

    private static List<String> args(MongoConnectionDetails mongo, S3Endpoint s3, int port, String... settings) {
        String uri = mongo.getConnectionString().getConnectionString();
        List<String> args = new ArrayList<>(List.of("--server.port=" + port,
                "--fasheng.data-dir=test-data/instance-" + System.nanoTime(),
                "--fasheng.mongodb-uri=" + uri, "--spring.mongodb.uri=" + uri,
                "--fasheng.s3.endpoint=" + s3.uri(), "--fasheng.s3.bucket=" + s3.bucket(),
                "--fasheng.s3.access-key=" + s3.accessKey(), "--fasheng.s3.secret-key=" + s3.secretKey()));
        for (String setting : settings) {
            args.add("--" + setting);
        }
        return args;
    }
}
