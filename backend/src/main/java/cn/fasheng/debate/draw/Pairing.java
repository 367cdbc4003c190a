package cn.fasheng.debate.draw;

/** A drawn match: who is 正方, who is 反方, and whether it could only be had by a rematch or a same-school pair. */
public record Pairing(String affirmative, String negative, boolean rematch, boolean sameSchool) {
}
