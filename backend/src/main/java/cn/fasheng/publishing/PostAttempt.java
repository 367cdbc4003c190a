package cn.fasheng.publishing;

import java.time.Instant;

/** One line of a post's history: when, which stage, the channel's code (if any) and what it meant. */
public record PostAttempt(Instant at, String stage, String code, String message, boolean ok) {
}
