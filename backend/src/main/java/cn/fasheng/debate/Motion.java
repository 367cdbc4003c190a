package cn.fasheng.debate;

/** A 辩题 and the two positions on it (正方持…, 反方持…). */
public record Motion(String text, String affirmative, String negative) {
}
