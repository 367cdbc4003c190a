package cn.fasheng.account;

import java.util.Set;

/** The signed-in console user, as features see it through {@code @AuthenticationPrincipal}. */
public record ConsolePrincipal(String userId, String username, String displayName, Set<Role> roles) {

    /** Reviewers and administrators decide what the public sees (publishing, taking down, disclosure). */
    public boolean reviewsOrAdministers() {
        return roles.contains(Role.REVIEWER) || roles.contains(Role.ADMIN);
    }

    static ConsolePrincipal of(User user) {
        return new ConsolePrincipal(user.id(), user.username(), user.displayName(), Set.copyOf(user.roles()));
    }
}
