package cn.fasheng.support;

import java.nio.file.Path;

/** Files of the repository outside the backend module (tests run with target/ as working directory). */
public final class RepoFiles {

    private RepoFiles() {
    }

    public static Path path(String relative) {
        return Path.of(System.getProperty("fasheng.repo-root", "..")).resolve(relative).normalize();
    }
}
