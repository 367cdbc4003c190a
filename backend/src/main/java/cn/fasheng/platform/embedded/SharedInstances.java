package cn.fasheng.platform.embedded;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One running server per data file or directory, shared by all application contexts of a JVM that name
 * it (the stores lock their files), and stopped when the last of them releases it.
 */
final class SharedInstances<T> {

    private final Map<Path, T> running = new HashMap<>();
    private final Map<Path, Integer> users = new HashMap<>();

    synchronized T acquire(Path path, Function<Path, T> start) {
        Path key = key(path);
        T instance = running.computeIfAbsent(key, start);
        users.merge(key, 1, Integer::sum);
        return instance;
    }

    void release(Path path, Consumer<T> stop) {
        T stopping;
        synchronized (this) {
            Path key = key(path);
            if (users.merge(key, -1, Integer::sum) > 0) {
                return;
            }
            users.remove(key);
            stopping = running.remove(key);
        }
        stop.accept(stopping);
    }

    private static Path key(Path path) {
        return path.toAbsolutePath().normalize();
    }
}
