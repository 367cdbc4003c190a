package cn.fasheng.account;

import java.time.Instant;
import java.util.Set;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** An editor, reviewer or administrator of the console. The password is only ever stored as a BCrypt hash. */
@Document("users")
public record User(
        @Id String id,
        @Indexed(unique = true) String username,
        String displayName,
        String passwordHash,
        Set<Role> roles,
        boolean enabled,
        Instant createdAt,
        Instant updatedAt,
        Instant lastLoginAt,
        @Version Long version) {

    public User withId(String id) {
        return new User(id, username, displayName, passwordHash, roles, enabled, createdAt, updatedAt, lastLoginAt, version);
    }

    public User withVersion(Long version) {
        return new User(id, username, displayName, passwordHash, roles, enabled, createdAt, updatedAt, lastLoginAt, version);
    }

    public User withProfile(String displayName, Set<Role> roles, boolean enabled, Instant now) {
        return new User(id, username, displayName, passwordHash, Set.copyOf(roles), enabled, createdAt, now, lastLoginAt, version);
    }

    public User withPasswordHash(String passwordHash, Instant now) {
        return new User(id, username, displayName, passwordHash, roles, enabled, createdAt, now, lastLoginAt, version);
    }

    public User withLastLoginAt(Instant at) {
        return new User(id, username, displayName, passwordHash, roles, enabled, createdAt, updatedAt, at, version);
    }

    public boolean isAdmin() {
        return roles.contains(Role.ADMIN);
    }
}
