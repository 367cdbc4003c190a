package cn.fasheng.platform.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoServer;

/**
 * mongo-java-server with the durable H2 backend on a free loopback port. H2 locks its file, so contexts in
 * one JVM that name the same file share one server, released when the last of them closes.
 */
public final class EmbeddedMongo {

    private static final SharedInstances<EmbeddedMongo> SHARED = new SharedInstances<>();

    private final Path file;
    private final MongoServer server;

    private EmbeddedMongo(Path file) {
        this.file = file;
        try {
            Files.createDirectories(file.getParent());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DurableH2Backend backend = new DurableH2Backend(file.toString());
        // With a commit per write, MVStore's default 45 s retention of replaced chunks grew the file to
        // 900 MB for 20,000 inserts; without it, 37 MB. Committed data reaches the OS either way.
        backend.getMvStore().setRetentionTime(0);
        this.server = new MongoServer(backend);
        // Change streams (used by later features) need the oplog.
        server.enableOplog();
        server.bind("127.0.0.1", 0);
    }

    /** The server for this data file, started on first use; tools such as the benchmark use it too. */
    public static EmbeddedMongo acquire(Path file) {
        return SHARED.acquire(file, EmbeddedMongo::new);
    }

    public void release() {
        SHARED.release(file, mongo -> mongo.server.shutdownNow());
    }

    public String uri(String database) {
        return "mongodb://127.0.0.1:" + server.getLocalAddress().getPort() + "/" + database;
    }
}
